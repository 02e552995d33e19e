package io.leakscan.cli;

import io.leakscan.diff.DumpSummary;
import io.leakscan.diff.GateLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The loop behind {@code capture} and {@code watch}: attach, dump at the interval, analyse each dump as soon
 * as it is complete (so {@code --keep} can remove it and memory stays that of one dump), optionally report
 * after each, and end with the {@code diff} report and its gates. Each dump is summarised once (a summary is
 * kilobytes), so the final report covers every dump even when {@code --keep} removed some from disk.
 * Not thread-safe; one run per instance.
 */
final class SeriesCapture {
    private final CommandSpec spec;
    private final CommonOptions common;
    private final CaptureOptions capture;
    private final DumpOptions dumpOptions;
    private final DiffReport report;

    SeriesCapture(CommandSpec spec, CommonOptions common, CaptureOptions capture, DumpOptions dumpOptions, DiffReport report) {
        this.spec = spec;
        this.common = common;
        this.capture = capture;
        this.dumpOptions = dumpOptions;
        this.report = report;
    }

    /**
     * Takes up to {@code count} dumps ({@code count} 0: no limit), stopping too once {@code durationMillis}
     * (when positive) has passed since the first; {@code reportEach} prints the trend after each dump.
     */
    int run(int count, long durationMillis, boolean reportEach) {
        String problem = capture.problem();
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
        long everyMillis;
        try {
            everyMillis = capture.everyMillis();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        GateLimits limits = report.limits(spec);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        // The dumps taken so far, for the out-of-memory hint (how much heap their analysis needs).
        List<Path> taken = new ArrayList<>();
        return Failures.guard(spec, common, taken, () -> {
            DumpSeries series = new DumpSeries(capture.out, capture.pid, capture.gzipLevel, capture.keep);
            // Ctrl-C (SIGINT) or a kill (SIGTERM) during a dump: the complete dumps stay, the partial one goes.
            Thread cleanup = new Thread(series::removePartial, "leakscan-remove-partial-dump");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try (AttachedJvm jvm = AttachedJvm.attach(capture.pid); Phases phases = new Phases(spec, common)) {
                info(err, "attached to process " + capture.pid + " (" + jvm.javaVersion() + "). Each dump pauses it for"
                        + " as long as the heap takes to write" + (capture.liveness.allObjects ? "" : ", after a full GC")
                        + "; the time is shown after each.");
                List<DumpSummary> summaries = new ArrayList<>();
                long first = System.currentTimeMillis();
                for (int i = 1; count == 0 || i <= count; i++) {
                    long start = System.currentTimeMillis();
                    long t0 = System.nanoTime();
                    double[] reported = {-1};
                    Path dump = series.take(jvm, capture.liveness.allObjects, Instant.ofEpochMilli(start), reported);
                    taken.add(dump);
                    // The target's own count of the dump (GC included); else the whole jcmd call, a bit more.
                    double pauseSeconds = reported[0] >= 0 ? reported[0] : (System.nanoTime() - t0) / 1e9;
                    info(err, String.format("dump %d%s: %s, %s; process %d was paused about %.2f s", i,
                            count > 0 ? "/" + count : "", dump, size(dump), capture.pid, pauseSeconds));
                    summaries.add(DumpOrSummary.load(dump, dumpOptions, phases));
                    for (Path removed : series.prune(err)) {
                        info(err, "removed " + removed + " (--keep " + capture.keep + "; its summary stays in the report)");
                    }
                    boolean more = count == 0 || i < count;
                    long next = start + everyMillis;
                    if (durationMillis > 0 && next - first > durationMillis) {
                        more = false;
                    }
                    if (!more) {
                        break; // the final report follows
                    }
                    if (reportEach && summaries.size() >= 2) {
                        out.printf("── after dump %d (%s) ──%n", i, dump.getFileName());
                        out.print(report.interim(summaries));
                        out.println();
                        out.flush();
                    }
                    long wait = next - System.currentTimeMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                }
                if (summaries.size() < 2) {
                    info(err, "one dump taken: nothing to compare (use --count 2 or more)");
                    return ExitCode.OK.code();
                }
                int exit = report.report(spec, limits, summaries);
                info(err, "dumps kept: " + String.join(" ", series.onDisk().stream().map(Path::toString).toList()));
                phases.done();
                return exit;
            } finally {
                series.removePartial();
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException alreadyStopping) {
                    // the hook is running or has run: nothing to undo
                }
            }
        });
    }

    private void info(PrintWriter err, String line) {
        if (!common.quiet) {
            err.println("leakscan: " + line);
            err.flush();
        }
    }

    private static String size(Path file) {
        try {
            long bytes = Files.size(file);
            return bytes >= 1 << 20 ? String.format("%,.1f MiB", bytes / 1048576.0) : String.format("%,d KiB", bytes >> 10);
        } catch (IOException e) {
            return "size unknown";
        }
    }
}

package io.leakscan.junit;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.cli.MemoryBudget;
import io.leakscan.diff.DiffAnalysis;
import io.leakscan.diff.DiffResult;
import io.leakscan.diff.DumpSummarizer;
import io.leakscan.diff.DumpSummary;
import io.leakscan.diff.Gate;
import io.leakscan.diff.GateLimits;
import io.leakscan.diff.Gates;
import io.leakscan.heap.HeapLoader;
import io.leakscan.report.render.DiffTextRenderer;
import io.leakscan.report.render.JsonRenderer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One leak check of one scenario: warm-ups, a dump of live objects, the measured iterations each followed by
 * a dump, then the analysis of the series with the exact engine (after the last dump, so nothing of
 * leakscan's own work lands between two dumps), then the verdict. Dumps go to {@code target/leakscan-junit}
 * (system property {@code leakscan.junit.dir} overrides), are removed when the check passes and kept when
 * it fails; the failure writes {@code leakscan-NAME.json} to {@code target/surefire-reports} (property
 * {@code leakscan.junit.reports}). Memory: the analysis of the largest dump (docs/memory.md), in this JVM
 * or a child. Not thread-safe.
 */
final class LeakCheck {
    private final String name;
    private final LeakOptions options;

    LeakCheck(String name, LeakOptions options) {
        this.name = name;
        this.options = options;
    }

    void run(LeakAssertions.Scenario scenario) throws Throwable {
        for (int i = 0; i < options.warmups(); i++) {
            scenario.run();
        }
        Path dir = Files.createTempDirectory(directory("leakscan.junit.dir", "leakscan-junit"), name + "-");
        // Every name and the MXBean exist before the first dump: nothing the check itself holds may grow
        // between two dumps (a growing list of paths would be a suspect of its own).
        HotSpotDiagnosticMXBean diagnostics = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        List<Path> dumps = new ArrayList<>(options.iterations() + 1);
        String[] files = new String[options.iterations() + 1];
        for (int i = 0; i < files.length; i++) {
            dumps.add(dir.resolve("dump-" + i + ".hprof"));
            files[i] = dumps.get(i).toString();
        }
        boolean keep = false;
        try {
            // Live objects only: each dump starts with a full GC, so garbage never looks like growth.
            diagnostics.dumpHeap(files[0], true);
            for (int i = 1; i < files.length; i++) {
                scenario.run();
                diagnostics.dumpHeap(files[i], true);
            }
            DiffResult result = verdict(summaries(dumps));
            if (result.failed()) {
                keep = true;
                Path json = directory("leakscan.junit.reports", "surefire-reports").resolve("leakscan-" + name + ".json");
                Files.writeString(json, JsonRenderer.render(result), StandardCharsets.UTF_8);
                throw new AssertionError(message(result, dumps, json));
            }
        } finally {
            if (!keep) {
                for (Path p : dumps) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            }
        }
    }

    /** The diff of the series, with only the suspects that grew in every interval and are not ignored, and the gates. */
    DiffResult verdict(List<DumpSummary> summaries) {
        DiffResult all = DiffAnalysis.compare(summaries, new DiffAnalysis.Options(false, -1, "retained", 15));
        List<DiffResult.Suspect> steady = new ArrayList<>();
        for (DiffResult.Suspect s : all.suspects()) {
            if (s.steady() && !ignored(s)) {
                steady.add(s.withRank(steady.size() + 1));
            }
        }
        DiffResult kept = new DiffResult(all.schemaVersion(), all.snapshots(), all.heapGrowthBytes(),
                all.heapGrowthBytesPerHour(), steady, all.classes(), all.gates(), all.warnings(), all.complete());
        GateLimits limits = new GateLimits(options.maxGrowth() == null ? null : GateLimits.Limit.parse(options.maxGrowth()),
                List.of(), options.minScore());
        List<Gate> gates = Gates.evaluate(limits, kept, kept.classes(), false);
        return kept.withGates(gates);
    }

    private boolean ignored(DiffResult.Suspect s) {
        for (String p : options.ignorePaths()) {
            if (glob(p, s.path())) {
                return true;
            }
        }
        for (String p : options.ignoreClasses()) {
            if (glob(p, s.containerClass()) || !s.accumulates().isEmpty() && glob(p, s.accumulates().get(0).className())) {
                return true;
            }
        }
        return false;
    }

    private static boolean glob(String pattern, String text) {
        return text != null && new GateLimits.ClassLimit(pattern, null).matches(text);
    }

    private String message(DiffResult result, List<Path> dumps, Path json) {
        StringBuilder m = new StringBuilder();
        if (result.suspects().isEmpty()) {
            m.append(name).append(" crossed a limit (leakscan; thresholds are @LeakTest's attributes)\n\n");
        } else {
            m.append(name).append(" leaks: ").append(result.suspects().size())
                    .append(" structure(s) grew in every one of ").append(options.iterations())
                    .append(" iterations (leakscan; thresholds are @LeakTest's attributes)\n\n");
        }
        m.append(DiffTextRenderer.render(result, false));
        m.append("\nDumps kept for a closer look (leakscan diff ").append(String.join(" ",
                dumps.stream().map(Path::toString).toList())).append(")\nJSON report: ").append(json).append('\n');
        return m.toString();
    }

    private List<DumpSummary> summaries(List<Path> dumps) throws IOException, InterruptedException {
        long largest = 0;
        for (Path p : dumps) {
            largest = Math.max(largest, Files.size(p));
        }
        long needed = MemoryBudget.heapNeededBytes(largest);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (inChild(options.analysis(), needed, free)) {
            return ChildAnalysis.summaries(dumps, needed);
        }
        List<DumpSummary> out = new ArrayList<>();
        for (Path p : dumps) {
            out.add(summarize(p));
        }
        return out;
    }

    /** Whether to analyse in a child JVM: forced, or AUTO and the free heap is under what the dumps need. */
    static boolean inChild(LeakTest.Analysis analysis, long neededBytes, long freeBytes) {
        return analysis == LeakTest.Analysis.CHILD_JVM || analysis == LeakTest.Analysis.AUTO && freeBytes < neededBytes;
    }

    /** The diff's summary of one dump, analysed in this JVM (one dump at a time: memory is that of one). */
    static DumpSummary summarize(Path dump) {
        HeapAnalysis analysis = HeapAnalysis.of(HeapLoader.load(dump, 0, true), false);
        return DumpSummarizer.summarize(analysis, dump.toString());
    }

    private static Path directory(String property, String underTarget) throws IOException {
        String set = System.getProperty(property);
        Path dir;
        if (set != null && !set.isBlank()) {
            dir = Path.of(set);
        } else if (Files.isDirectory(Path.of("target"))) {
            dir = Path.of("target", underTarget); // Maven's build directory, from the module's base directory
        } else {
            dir = Path.of(System.getProperty("java.io.tmpdir"), underTarget);
        }
        return Files.createDirectories(dir);
    }
}

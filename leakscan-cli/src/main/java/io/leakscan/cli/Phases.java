package io.leakscan.cli;

import io.leakscan.util.HeapPeaks;
import io.leakscan.util.StepTimes;
import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs named phases: shows a progress bar for each when in a terminal, and with {@code --verbose} prints
 * each one's time and the heap in use. Not thread-safe.
 */
final class Phases implements AutoCloseable {
    private final PrintWriter err;
    private final boolean verbose;
    private final long start = System.nanoTime();
    private final ProgressDisplay progress;

    Phases(CommandSpec spec, CommonOptions common) {
        this.err = spec.commandLine().getErr();
        this.verbose = common.verbose && !common.quiet;
        this.progress = new ProgressDisplay(common);
        if (verbose) {
            HeapPeaks.start();
        }
    }

    /** With {@code --verbose}, prints one line of facts about the run (after the current phase's bar). */
    void note(String line) {
        if (verbose) {
            progress.close();
            err.printf("leakscan: %s%n", line);
            err.flush();
        }
    }

    /** The progress display, for phases that measure their own work (reading). */
    ProgressDisplay progress() {
        return progress;
    }

    <T> T run(String name, Supplier<T> phase) {
        return run(name, false, phase);
    }

    /** As {@link #run(String, Supplier)}; {@code ownBar} when the phase draws its own progress bar. */
    <T> T run(String name, boolean ownBar, Supplier<T> phase) {
        long t0 = System.nanoTime();
        if (!ownBar) {
            progress.startPhase(name);
        }
        T result;
        try {
            result = phase.get();
        } finally {
            progress.close();
        }
        if (verbose) {
            Runtime rt = Runtime.getRuntime();
            long usedMiB = (rt.totalMemory() - rt.freeMemory()) >> 20;
            java.util.List<StepTimes.Step> steps = StepTimes.drain();
            HeapPeaks.Peak phasePeak = HeapPeaks.takePeak();
            for (StepTimes.Step step : steps) {
                phasePeak = phasePeak.max(step.peak());
            }
            // The peak after a collection is what the phase really held at its fullest (docs/memory.md);
            // the heap in use at its end includes garbage and misses what lived and died inside it.
            err.printf("leakscan: %-40s %7.2f s  (%s, heap in use at end %,d MiB)%n", name,
                    (System.nanoTime() - t0) / 1e9, peak(phasePeak), usedMiB);
            for (StepTimes.Step step : steps) {
                err.printf("leakscan:   %-38s %7.2f s  %s%n", step.name(), step.nanos() / 1e9,
                        step.peak().afterAnyGcBytes() > 0 ? peak(step.peak()) : "");
            }
            err.flush();
        }
        return result;
    }

    /** "live 1,234 MiB after full GC, at most 1,300 after any GC", or what of it is known. */
    private static String peak(HeapPeaks.Peak p) {
        if (p.afterAnyGcBytes() == 0) {
            return "no GC";
        }
        String any = String.format("peak after GC %,d MiB", p.afterAnyGcBytes() >> 20);
        return p.afterFullGcBytes() > 0 ? String.format("live peak %,d MiB (after full GC), ", p.afterFullGcBytes() >> 20)
                + any : any;
    }

    @Override
    public void close() {
        progress.close();
    }

    void done() {
        if (verbose) {
            err.printf("leakscan: %-40s %7.2f s%n", "total", (System.nanoTime() - start) / 1e9);
            err.flush();
        }
    }
}

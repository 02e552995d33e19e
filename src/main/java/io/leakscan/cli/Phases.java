package io.leakscan.cli;

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
            err.printf("leakscan: %-40s %7.2f s  (heap in use %,d MiB)%n", name, (System.nanoTime() - t0) / 1e9, usedMiB);
            for (StepTimes.Step step : StepTimes.drain()) {
                err.printf("leakscan:   %-38s %7.2f s%n", step.name(), step.nanos() / 1e9);
            }
            err.flush();
        }
        return result;
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

package io.leakscan.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/** Runs named phases, and with {@code --verbose} prints each one's time and the heap in use. Not thread-safe. */
final class Phases {
    private final PrintWriter err;
    private final boolean verbose;
    private final long start = System.nanoTime();

    Phases(CommandSpec spec, CommonOptions common) {
        this.err = spec.commandLine().getErr();
        this.verbose = common.verbose && !common.quiet;
    }

    <T> T run(String name, Supplier<T> phase) {
        long t0 = System.nanoTime();
        T result = phase.get();
        if (verbose) {
            Runtime rt = Runtime.getRuntime();
            long usedMiB = (rt.totalMemory() - rt.freeMemory()) >> 20;
            err.printf("leakscan: %-40s %7.2f s  (heap in use %,d MiB)%n", name, (System.nanoTime() - t0) / 1e9, usedMiB);
            err.flush();
        }
        return result;
    }

    void done() {
        if (verbose) {
            err.printf("leakscan: %-40s %7.2f s%n", "total", (System.nanoTime() - start) / 1e9);
            err.flush();
        }
    }
}

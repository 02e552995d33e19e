package io.leakscan.testutil;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures the work a piece of code does, instead of the time it takes (which flakes on a loaded CI
 * machine and waits out a hang): the bytes the calling thread allocates (where leakscan's reader and
 * analysis run) and the bytes the process reads from files (Linux {@code /proc/self/io}), so a loop on a
 * bogus count or a read through a whole decompression bomb shows as work, not as seconds.
 */
public record WorkMeter(long allocatedBytes, long readBytes) {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Runs {@code body} and returns the work it did. */
    public static <T> Measured<T> measure(java.util.function.Supplier<T> body) {
        long tid = Thread.currentThread().getId();
        long alloc0 = THREADS.getThreadAllocatedBytes(tid);
        long read0 = processReadBytes();
        T result = body.get();
        long alloc = THREADS.getThreadAllocatedBytes(tid) - alloc0;
        long read = processReadBytes() - read0;
        return new Measured<>(result, new WorkMeter(alloc, read));
    }

    /** A result and the work that made it. */
    public record Measured<T>(T result, WorkMeter work) {
    }

    /** Bytes this process has read through read(2) so far ({@code rchar}), or -1 where that is unknown. */
    static long processReadBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("rchar:")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: reads are not measured
        }
        return -1;
    }
}

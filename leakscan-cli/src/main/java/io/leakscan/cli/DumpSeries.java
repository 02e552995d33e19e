package io.leakscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The dumps {@code capture} and {@code watch} take of one JVM, in time order: names them with the PID and
 * the UTC time, refuses a dump the disk cannot hold, writes each under a {@code .part} name until complete
 * (so an interrupted run removes the partial one and keeps the complete ones), and applies {@code --keep}.
 * Holds only paths. Confined to the capturing thread, except {@link #removePartial()} (a shutdown hook).
 */
final class DumpSeries {
    private static final DateTimeFormatter UTC_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private final long pid;
    private final int gzipLevel;
    private final int keep;
    private final List<Path> onDisk = new ArrayList<>();
    private volatile Path partial;

    DumpSeries(Path dir, long pid, int gzipLevel, int keep) {
        this.dir = dir;
        this.pid = pid;
        this.gzipLevel = gzipLevel;
        this.keep = keep;
    }

    /** The complete dumps still on disk, oldest first. */
    List<Path> onDisk() {
        return List.copyOf(onDisk);
    }

    /** Bytes a dump of a heap with {@code usedHeapBytes} in use needs: all of it plain, about half with gzip. */
    static long bytesNeeded(long usedHeapBytes, int gzipLevel) {
        // A dump is about the used heap (less with --live, which collects first); gzip level 1 typically
        // writes a quarter to a third of that, so half leaves a margin.
        return gzipLevel > 0 ? usedHeapBytes / 2 : usedHeapBytes;
    }

    /** Refuses (exit 3, one line) when {@code usableBytes} cannot hold a dump of {@code usedHeapBytes}. */
    static void checkFreeSpace(Path dir, long usableBytes, long usedHeapBytes, int gzipLevel) {
        long needed = bytesNeeded(usedHeapBytes, gzipLevel);
        if (usableBytes < needed) {
            throw new IoFailure(String.format("not enough free space in %s for the next dump: %,d MiB free, and a dump"
                    + " of a JVM using %,d MiB of heap needs about %,d MiB%s; free some space, dump elsewhere with"
                    + " --out, or keep fewer dumps with --keep", dir, usableBytes >> 20, usedHeapBytes >> 20,
                    needed >> 20, gzipLevel > 0 ? " (gzip)" : ""), null);
        }
    }

    /**
     * Has {@code jvm} write the next dump; returns its path once complete. Checks free space first, writes
     * under a {@code .part} name, then renames. {@code pauseSeconds[0]} receives the pause as the target
     * reports it, or -1.
     */
    Path take(AttachedJvm jvm, boolean allObjects, Instant now, double[] pauseSeconds) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw IoFailure.cannotWrite(dir, e);
        }
        long usable;
        try {
            usable = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw IoFailure.cannotWrite(dir, e);
        }
        checkFreeSpace(dir, usable, jvm.usedHeapBytes(), gzipLevel);
        Path target = freshName(now);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        partial = part;
        try {
            pauseSeconds[0] = jvm.dumpHeap(part, allObjects, gzipLevel);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw IoFailure.cannotWrite(target, e);
        } finally {
            removePartial();
        }
        onDisk.add(target);
        return target;
    }

    /** Applies {@code --keep}: removes the oldest dumps between the first and the latest; returns them. */
    List<Path> prune(PrintWriter err) {
        List<Path> removed = new ArrayList<>();
        while (keep > 0 && onDisk.size() > keep) {
            Path victim = onDisk.remove(1);
            try {
                Files.deleteIfExists(victim);
                removed.add(victim);
            } catch (IOException e) {
                err.println("leakscan: warning: cannot remove " + victim + " (--keep): " + IoFailure.reason(e));
            }
        }
        return removed;
    }

    /** Deletes the dump being written, if any (an interrupted run must not leave a partial dump). */
    void removePartial() {
        Path p = partial;
        partial = null;
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort while stopping; the name ends in .part, so it is never taken for a dump
            }
        }
    }

    private Path freshName(Instant now) {
        String base = "leakscan-" + pid + "-" + UTC_NAME.format(now);
        String ext = gzipLevel > 0 ? ".hprof.gz" : ".hprof";
        Path p = dir.resolve(base + ext);
        for (int i = 2; Files.exists(p) || Files.exists(p.resolveSibling(p.getFileName() + ".part")); i++) {
            p = dir.resolve(base + "-" + i + ext); // two dumps in one second (--every under 1s)
        }
        return p;
    }
}

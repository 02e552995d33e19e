package io.leakscan.heap;

import io.leakscan.hprof.HprofFormatException;
import io.leakscan.hprof.HprofInput;
import io.leakscan.hprof.HprofParser;
import io.leakscan.util.StepTimes;
import java.nio.file.Path;

/**
 * Reads a dump file into a {@link HeapSnapshot}: one sequential pass over the file (plain or gzip),
 * then index assembly in memory. Opens the file read-only and writes nothing anywhere.
 *
 * <p>Stateless; thread-safe (each call reads its own file).
 */
public final class HeapLoader {
    private HeapLoader() {
    }

    /**
     * Loads the only heap dump in {@code file}. A file holding several dumps (the old hprof agent writes
     * that) is refused with a message listing them, unless {@code snapshotNumber} (1-based) picks one.
     *
     * @param snapshotNumber 1-based dump number, or 0 for "the only one"
     * @throws HprofFormatException for unreadable, truncated, corrupt or ambiguous input
     */
    public static HeapSnapshot load(Path file, int snapshotNumber) {
        return load(file, snapshotNumber, false);
    }

    /**
     * As {@link #load(Path, int)}; a dump cut short inside or after its heap dump is read up to the cut
     * (the snapshot says so: {@link DumpInfo#truncation()}), unless {@code strict}, which makes it an error.
     */
    public static HeapSnapshot load(Path file, int snapshotNumber, boolean strict) {
        return load(file, snapshotNumber, strict, (done, total) -> { });
    }

    /** Progress while reading: bytes of the file consumed, and the file's size. */
    @FunctionalInterface
    public interface Progress {
        void at(long doneBytes, long totalBytes);
    }

    /** As {@link #load(Path, int, boolean)}, reporting reading progress every few megabytes. */
    public static HeapSnapshot load(Path file, int snapshotNumber, boolean strict, Progress progress) {
        int wanted = snapshotNumber <= 0 ? 0 : snapshotNumber - 1;
        try (HprofInput in = HprofInput.open(file)) {
            // HotSpot dumps hold about one object per 60 bytes (gzip: about 6 times the file size inside).
            // Sizing the per-object lists a little above that avoids growing them at their largest, when a
            // copy would briefly need the old and the new array at once.
            long expected = (in.isGzip() ? in.fileBytes() * 6 : in.fileBytes()) / 48;
            HeapBuilder builder = new HeapBuilder(file, wanted, expected);
            HprofParser parser = new HprofParser(in, builder).onProgress(p -> progress.at(p, in.fileBytes()));
            long t0 = System.nanoTime();
            parser.parse();
            // Every byte is read: say so (the parser reports every few megabytes, not at the very end).
            progress.at(in.fileBytes(), in.fileBytes());
            StepTimes.record("parse", t0);
            if (strict && parser.truncation() != null) {
                throw parser.truncation();
            }
            if (snapshotNumber <= 0 && builder.heapDumpCount() > 1) {
                StringBuilder list = new StringBuilder();
                for (int i = 0; i < builder.heapDumpCount(); i++) {
                    list.append(i == 0 ? "" : ", ").append('#').append(i + 1).append(" at byte ")
                            .append(builder.heapDumpOffsets().get(i));
                }
                throw new HprofFormatException(file, builder.heapDumpOffsets().get(1), "the file holds "
                        + builder.heapDumpCount() + " heap dumps (" + list + "); choose one with --snapshot N");
            }
            long t1 = System.nanoTime();
            HeapSnapshot snapshot = builder.finish(in);
            StepTimes.record("assemble", t1);
            return snapshot;
        }
    }
}

package io.leakscan.heap;

import java.nio.file.Path;

/**
 * Facts about the dump a snapshot was read from.
 *
 * @param file                 the dump file
 * @param fileBytes            its size on disk
 * @param gzip                 whether it was gzip-compressed
 * @param formatVersion        header string, e.g. {@code JAVA PROFILE 1.0.2}
 * @param idSize               identifier size in bytes (4 or 8)
 * @param timestampMillis      dump time, milliseconds since the epoch
 * @param compressedOops       whether references are 4 bytes in an 8-byte-id dump (MAT's detection)
 * @param objectAlignment      object alignment in bytes (inferred from addresses as MAT does)
 * @param heapDumpCount        number of heap dumps in the file
 * @param heapDumpIndex        which one this snapshot holds (0-based)
 * @param danglingReferences   references to ids not in the dump, dropped
 * @param danglingFromArrays   of those, the ones held by object arrays: usual in HotSpot dumps, which leave
 *                             out some objects (CDS archive objects not in use, old JVMs' permanent
 *                             generation) that arrays still name; from a field they are unusual
 * @param danglingRoots        GC root records for ids not in the dump, dropped
 * @param syntheticClasses     classes made up for ids the dump references but does not describe
 * @param truncation           why the file ended early (the objects before that point were read), or null
 * @param readBytes            how far the (decompressed) stream was read
 */
public record DumpInfo(Path file, long fileBytes, boolean gzip, String formatVersion, int idSize,
        long timestampMillis, boolean compressedOops, int objectAlignment, int heapDumpCount, int heapDumpIndex,
        long danglingReferences, long danglingFromArrays, long danglingRoots, int syntheticClasses, String truncation, long readBytes) {

    /** True when the whole file was read. */
    public boolean complete() {
        return truncation == null;
    }
}

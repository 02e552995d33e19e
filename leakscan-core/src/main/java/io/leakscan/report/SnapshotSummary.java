package io.leakscan.report;

/**
 * Heap summary of one dump, as MAT's heap dump overview states it.
 *
 * @param file               path of the dump as given
 * @param formatVersion      HPROF header, e.g. {@code JAVA PROFILE 1.0.2}
 * @param idSize             identifier size in bytes
 * @param timestamp          dump time, ISO-8601 UTC
 * @param objects            reachable objects (class objects included)
 * @param classes            classes whose class object is reachable
 * @param gcRoots            distinct objects that are GC roots
 * @param usedHeapBytes      sum of reachable objects' shallow sizes
 * @param unreachableObjects objects no GC root reaches (excluded from the numbers above)
 * @param unreachableBytes   their shallow bytes
 * @param compressedOops     4-byte references in an 8-byte-id dump
 * @param heapDump           which heap dump of the file (1-based)
 * @param heapDumps          how many the file holds
 * @param danglingReferences references to objects missing from the dump (dropped)
 * @param danglingReferencesFromArrays of those, the ones held by object arrays, which are usual: HotSpot leaves
 *                           some objects out of its dumps (CDS archive objects not in use) that arrays still
 *                           name, and MAT drops the same references silently (docs/semantics.md)
 * @param complete           false when the file was cut short and only its beginning was analysed
 * @param truncation         why and where it ends early, or null
 */
public record SnapshotSummary(String file, String formatVersion, int idSize, String timestamp, long objects,
        int classes, int gcRoots, long usedHeapBytes, long unreachableObjects, long unreachableBytes,
        boolean compressedOops, int heapDump, int heapDumps, long danglingReferences,
        long danglingReferencesFromArrays, boolean complete,
        String truncation) {
}

package io.leakscan.cli;

/**
 * The documented memory budget (docs/memory.md) turned into a heap size for a dump of a given size, the
 * same rule as bin/leakscan's: HotSpot dumps hold one object per 45 (an H2 database, the densest measured)
 * to 60 (a server heap of strings and arrays) bytes of file, and the analysis peaks at about 105 bytes of
 * heap per object under G1, references included (measured minimum -Xmx: 1,743 MiB for 18.7 M objects,
 * 2,048 MiB for 21.3 M, 3,347 MiB for 37.4 M; docs/memory.md). Public for the JUnit extension, which
 * decides by it whether to analyse in the test JVM or a child. Stateless.
 */
public final class MemoryBudget {
    /** Fewest bytes of file per object in the dumps measured (an H2 database). */
    static final long FILE_BYTES_PER_OBJECT = 45;
    /** Heap bytes per object at the analysis's peak under G1, references included, rounded up. */
    static final long HEAP_BYTES_PER_OBJECT = 105;

    private MemoryBudget() {
    }

    /** Objects a dump of {@code dumpBytes} (uncompressed) holds at most, by the densest measured dump. */
    static long objectsAtMost(long dumpBytes) {
        return dumpBytes / FILE_BYTES_PER_OBJECT;
    }

    public static long heapNeededBytes(long dumpBytes) {
        return objectsAtMost(dumpBytes) * HEAP_BYTES_PER_OBJECT + (256L << 20);
    }
}

package io.leakscan.cli;

/**
 * The documented memory budget (docs/memory.md) turned into a heap size for a dump of a given size.
 * HotSpot dumps hold one object per 47 (an H2 database) to 60 (a server heap of strings and arrays)
 * bytes of file; the model and analysis peak at about 150 bytes of heap per object with G1 (measured: a
 * 1.13 GB dump with 18.7 M objects needs between 2.6 and 2.9 GB), so 3.5 times the file size plus a
 * margin covers the dense dumps too.
 */
final class MemoryBudget {
    private MemoryBudget() {
    }

    static long heapNeededBytes(long dumpBytes) {
        return dumpBytes * 3 + dumpBytes / 2 + (256L << 20);
    }
}

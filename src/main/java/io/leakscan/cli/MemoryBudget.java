package io.leakscan.cli;

/**
 * The documented memory budget (docs/memory.md) turned into a heap size for a dump of a given size.
 * HotSpot dumps average roughly 60 bytes of file per object; the model and analysis peak at about
 * 135 bytes per object (measured: a 1.13 GB dump with 18.7 M objects needs about 2.6 GB of heap), so
 * 2.8 times the file size plus a margin.
 */
final class MemoryBudget {
    private MemoryBudget() {
    }

    static long heapNeededBytes(long dumpBytes) {
        return dumpBytes * 2 + dumpBytes * 4 / 5 + (256L << 20);
    }
}

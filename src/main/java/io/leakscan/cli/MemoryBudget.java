package io.leakscan.cli;

/**
 * The documented memory budget (docs/memory.md) turned into a heap size for a dump of a given size.
 * HotSpot dumps average roughly 40–60 bytes of file per object; the model and analysis need about
 * 70 bytes per object and 12 per reference, which works out to about 1.6 times the file size.
 */
final class MemoryBudget {
    private MemoryBudget() {
    }

    static long heapNeededBytes(long dumpBytes) {
        return dumpBytes + dumpBytes / 2 + (256L << 20);
    }
}

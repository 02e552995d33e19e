package io.leakscan.cli;

/**
 * The documented memory budget (docs/memory.md) turned into a heap size for a dump of a given size.
 * HotSpot dumps average roughly 60 bytes of file per object; the model and analysis peak at about
 * 90 bytes per object and 8 per reference, about 1.8 times the file size (measured: a 1.1 GB dump
 * needs a little over 2 GB of heap). The margin covers dumps with smaller objects.
 */
final class MemoryBudget {
    private MemoryBudget() {
    }

    static long heapNeededBytes(long dumpBytes) {
        return dumpBytes * 2 + dumpBytes / 5 + (256L << 20);
    }
}

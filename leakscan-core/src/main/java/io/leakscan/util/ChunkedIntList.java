package io.leakscan.util;

/**
 * A long-indexed list of {@code int}s in fixed-size chunks: as big as needed without one huge array,
 * without copying on growth, and with chunks released one by one once consumed. Written out again for
 * {@code int} beside {@link ChunkedLongList} and {@link ChunkedByteList} because generics would box every
 * element: these hold hundreds of millions of references. Not thread-safe.
 */
public final class ChunkedIntList {
    private final int shift;
    private final int chunkLength;
    private final int mask;
    private int[][] chunks;
    private long size;

    /** Chunks of 2^20 entries (4 MiB). */
    public ChunkedIntList() {
        this(20, new int[16][], 0);
    }

    ChunkedIntList(int shift, int[][] chunks, long size) {
        this.shift = shift;
        this.chunkLength = 1 << shift;
        this.mask = chunkLength - 1;
        this.chunks = chunks.length == 0 ? new int[16][] : chunks;
        this.size = size;
    }

    public void add(int v) {
        int c = (int) (size >>> shift);
        if (c == chunks.length) {
            int[][] bigger = new int[chunks.length * 2][];
            System.arraycopy(chunks, 0, bigger, 0, chunks.length);
            chunks = bigger;
        }
        int[] chunk = chunks[c];
        if (chunk == null) {
            chunk = new int[chunkLength];
            chunks[c] = chunk;
        }
        chunk[(int) (size & mask)] = v;
        size++;
    }

    public int get(long i) {
        return chunks[(int) (i >>> shift)][(int) (i & mask)];
    }

    public void set(long i, int v) {
        chunks[(int) (i >>> shift)][(int) (i & mask)] = v;
    }

    public long size() {
        return size;
    }

    /** Keeps the first {@code newSize} entries and releases the chunks past them. */
    public void truncate(long newSize) {
        if (newSize > size) {
            throw new IllegalArgumentException("cannot grow by truncating: " + newSize + " > " + size);
        }
        size = newSize;
        for (int c = (int) ((newSize + mask) >>> shift); c < chunks.length; c++) {
            chunks[c] = null;
        }
    }
}

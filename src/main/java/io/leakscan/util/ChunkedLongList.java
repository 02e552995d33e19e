package io.leakscan.util;

/**
 * Append-only list of {@code long}s stored in fixed-size chunks, so that growing to hundreds of millions
 * of entries never copies (and never needs twice the memory), and so that chunks can be released one by
 * one while the list is consumed in order. Indices are {@code long}. Not thread-safe.
 */
public final class ChunkedLongList {
    private static final int SHIFT = 20;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private long[][] chunks = new long[16][];
    private long size;

    public void add(long v) {
        int c = (int) (size >>> SHIFT);
        if (c == chunks.length) {
            long[][] bigger = new long[chunks.length * 2][];
            System.arraycopy(chunks, 0, bigger, 0, chunks.length);
            chunks = bigger;
        }
        long[] chunk = chunks[c];
        if (chunk == null) {
            chunk = new long[CHUNK];
            chunks[c] = chunk;
        }
        chunk[(int) (size & MASK)] = v;
        size++;
    }

    public long get(long i) {
        return chunks[(int) (i >>> SHIFT)][(int) (i & MASK)];
    }

    public long size() {
        return size;
    }

    /**
     * Replaces every value {@code v} with {@code op(v)}, chunks spread over the common fork-join pool
     * (all cores). {@code op} must be safe to call from several threads at once.
     */
    public void replaceAll(java.util.function.LongUnaryOperator op) {
        int full = (int) (size >>> SHIFT);
        int rest = (int) (size & MASK);
        java.util.stream.IntStream.rangeClosed(0, full).parallel().forEach(c -> {
            long[] chunk = chunks[c];
            int end = c < full ? CHUNK : rest;
            for (int i = 0; i < end; i++) {
                chunk[i] = op.applyAsLong(chunk[i]);
            }
        });
    }

    /** Frees every chunk holding only indices below {@code index}; later {@code get}s must be above it. */
    public void releaseBelow(long index) {
        int last = (int) (index >>> SHIFT);
        for (int c = 0; c < last && c < chunks.length; c++) {
            chunks[c] = null;
        }
    }
}

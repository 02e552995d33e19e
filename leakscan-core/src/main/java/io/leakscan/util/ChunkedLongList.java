package io.leakscan.util;

import java.util.function.LongToIntFunction;

/**
 * Append-only list of {@code long}s stored in fixed-size chunks, so that growing to hundreds of millions
 * of entries never copies (and never needs twice the memory), and so that chunks can be released one by
 * one while the list is consumed. Indices are {@code long}. Not thread-safe.
 */
public final class ChunkedLongList {
    private final int shift;
    private final int chunkLength;
    private final int mask;

    private long[][] chunks = new long[16][];
    private long size;

    /** Chunks of 2^20 entries (8 MiB). */
    public ChunkedLongList() {
        this(20);
    }

    /** Chunks of {@code 2^shift} entries; small shifts let tests reach chunk boundaries cheaply. */
    ChunkedLongList(int shift) {
        this.shift = shift;
        this.chunkLength = 1 << shift;
        this.mask = chunkLength - 1;
    }

    public void add(long v) {
        int c = (int) (size >>> shift);
        if (c == chunks.length) {
            long[][] bigger = new long[chunks.length * 2][];
            System.arraycopy(chunks, 0, bigger, 0, chunks.length);
            chunks = bigger;
        }
        long[] chunk = chunks[c];
        if (chunk == null) {
            chunk = new long[chunkLength];
            chunks[c] = chunk;
        }
        chunk[(int) (size & mask)] = v;
        size++;
    }

    public long get(long i) {
        return chunks[(int) (i >>> shift)][(int) (i & mask)];
    }

    public long size() {
        return size;
    }

    /** Number of chunks holding entries (the last one possibly partly). */
    private int usedChunks() {
        return (int) ((size + mask) >>> shift);
    }

    /**
     * Maps every value through {@code op} into a new {@link ChunkedIntList} of the same size and chunk
     * length, chunks spread over the common fork-join pool (all cores); each long chunk is released as soon
     * as it is converted, so the peak is the int list plus the long chunks not yet converted (at most the
     * whole long list plus one int chunk per core). This list is empty afterwards. {@code op} must be safe
     * to call from several threads at once.
     */
    public ChunkedIntList mapToInt(LongToIntFunction op) {
        int used = usedChunks();
        int[][] ints = new int[used][];
        long[][] longs = chunks;
        java.util.stream.IntStream.range(0, used).parallel().forEach(c -> {
            long[] chunk = longs[c];
            int end = (int) Math.min(chunkLength, size - ((long) c << shift));
            int[] mapped = new int[chunkLength];
            for (int i = 0; i < end; i++) {
                mapped[i] = op.applyAsInt(chunk[i]);
            }
            ints[c] = mapped;
            longs[c] = null;
        });
        ChunkedIntList result = new ChunkedIntList(shift, ints, size);
        chunks = new long[16][];
        size = 0;
        return result;
    }
}

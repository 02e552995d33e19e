package io.leakscan.heap;

/**
 * Maps object identifiers (addresses) to dense object indices: the index of an object is its rank in
 * ascending address order.
 *
 * <p>Two layouts. When every id is a multiple of 8 and the ids are dense enough (a real heap), a bitmap
 * with one bit per 8-byte word of the address range plus a running count per 64 words answers a lookup
 * with two memory reads and a popcount, needs no sort, and replaces the id array: about 1.5 bits per
 * word of heap, typically under 2 bytes per object instead of 8. Otherwise (hostile or odd ids) the sorted id array
 * itself plus a bucket table over the address range: an interpolation step, then a binary search over a
 * handful of entries. Either is far smaller than a hash map. Immutable; thread-safe.
 */
public final class IdIndex {
    private final long[] sortedIds;
    private final int count;
    private final long minId;
    private final int shift;
    private final int[] bucketStart;
    // Bitmap layout (null when the sorted layout is used).
    private final long[] bits;
    private final int[] rankBefore;

    /**
     * Builds the bitmap layout from ids in any order, or returns null when the ids do not suit it
     * (not all multiples of 8, or too sparse). Fails on a duplicate id with its value.
     */
    static IdIndex fromUnsorted(long[] ids, int n, java.util.function.LongConsumer onDuplicate) {
        if (n == 0) {
            return null;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long id = ids[i];
            if ((id & 7) != 0 || id < 0) {
                return null;
            }
            min = Math.min(min, id);
            max = Math.max(max, id);
        }
        long words = ((max - min) >>> 9) + 1; // 64 addresses of 8 bytes per word
        // The bitmap costs 12 bytes per word (64 bits and a running count), the sorted layout about 9 per
        // object (the id and a quarter of a bucket): choose the bitmap only where it is the smaller one.
        if (12 * words > 9L * n + 12 * 1024 || words > Integer.MAX_VALUE - 16) {
            return null; // too sparse: the sorted layout is smaller
        }
        long[] bits = new long[(int) words];
        for (int i = 0; i < n; i++) {
            long off = (ids[i] - min) >>> 3;
            int w = (int) (off >>> 6);
            long bit = 1L << (off & 63);
            if ((bits[w] & bit) != 0) {
                onDuplicate.accept(ids[i]);
            }
            bits[w] |= bit;
        }
        int[] rankBefore = new int[(int) words];
        int rank = 0;
        for (int w = 0; w < words; w++) {
            rankBefore[w] = rank;
            rank += Long.bitCount(bits[w]);
        }
        return new IdIndex(rank, min, bits, rankBefore);
    }

    private IdIndex(int count, long minId, long[] bits, int[] rankBefore) {
        this.sortedIds = null;
        this.count = count;
        this.minId = minId;
        this.bits = bits;
        this.rankBefore = rankBefore;
        this.shift = 0;
        this.bucketStart = null;
    }

    /** @param sortedIds strictly ascending ids (not copied) */
    public IdIndex(long[] sortedIds) {
        this.sortedIds = sortedIds;
        this.count = sortedIds.length;
        this.bits = null;
        this.rankBefore = null;
        int n = sortedIds.length;
        if (n == 0) {
            minId = 0;
            shift = 0;
            bucketStart = new int[] {0, 0};
            return;
        }
        minId = sortedIds[0];
        long range = sortedIds[n - 1] - minId;
        int targetBuckets = Math.max(1, n / 4);
        int s = 0;
        // Ids are sorted as signed longs; their distance from the smallest is exact as an unsigned value
        // (a corrupt dump can hold ids on both sides of the sign bit), so compare unsigned.
        while (s < 63 && Long.compareUnsigned(range >>> s, targetBuckets) >= 0) {
            s++;
        }
        shift = s;
        int buckets = (int) (range >>> s) + 1;
        bucketStart = new int[buckets + 1];
        for (long id : sortedIds) {
            bucketStart[(int) ((id - minId) >>> s) + 1]++;
        }
        for (int i = 0; i < buckets; i++) {
            bucketStart[i + 1] += bucketStart[i];
        }
    }

    /** Object index of {@code id}, or -1 when no object has that id. */
    public int indexOf(long id) {
        if (count == 0 || id < minId) {
            return -1;
        }
        if (bits != null) {
            if ((id & 7) != 0) {
                return -1;
            }
            long off = (id - minId) >>> 3;
            long w = off >>> 6;
            if (w >= bits.length) {
                return -1;
            }
            long word = bits[(int) w];
            long bit = 1L << (off & 63);
            if ((word & bit) == 0) {
                return -1;
            }
            return rankBefore[(int) w] + Long.bitCount(word & (bit - 1));
        }
        long b = (id - minId) >>> shift;
        if (Long.compareUnsigned(b, bucketStart.length - 1) >= 0) {
            return -1;
        }
        int lo = bucketStart[(int) b];
        int hi = bucketStart[(int) b + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = sortedIds[mid];
            if (v < id) {
                lo = mid + 1;
            } else if (v > id) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Number of ids. */
    public int size() {
        return count;
    }

    /**
     * The id of the object of index {@code rank}. In the bitmap layout this is a binary search over the
     * running counts and a scan of one 64-bit word: fine for reports, not meant for hot loops.
     */
    public long idAt(int rank) {
        if (bits == null) {
            return sortedIds[rank];
        }
        int lo = 0;
        int hi = rankBefore.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (rankBefore[mid] <= rank) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long word = bits[lo];
        for (int skip = rank - rankBefore[lo]; skip > 0; skip--) {
            word &= word - 1;
        }
        return minId + ((((long) lo << 6) + Long.numberOfTrailingZeros(word)) << 3);
    }

    /** True when the bitmap layout is used. */
    boolean isBitmap() {
        return bits != null;
    }

    /** All ids in ascending order (a new array in the bitmap layout). */
    long[] ids() {
        if (bits == null) {
            return sortedIds;
        }
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = idAt(i);
        }
        return out;
    }
}

package io.leakscan.heap;

/**
 * Maps object identifiers (addresses) to dense object indices: the index of an object is its rank in
 * ascending address order, so the lookup needs only the sorted id array itself plus a bucket table
 * over the address range (an interpolation step that leaves a binary search over a handful of
 * entries). Memory: 8 bytes per object for the ids (kept by the snapshot anyway) plus 1 int per 4
 * objects for the buckets; far less than a hash map. Immutable; thread-safe.
 */
public final class IdIndex {
    private final long[] sortedIds;
    private final long minId;
    private final int shift;
    private final int[] bucketStart;

    /** @param sortedIds strictly ascending ids (not copied) */
    public IdIndex(long[] sortedIds) {
        this.sortedIds = sortedIds;
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
        if (sortedIds.length == 0 || id < minId) {
            return -1;
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
        return sortedIds.length;
    }

    /** Returns the ids array (shared). */
    long[] ids() {
        return sortedIds;
    }
}

package io.leakscan.analysis;

/**
 * Orders a few objects biggest retained size first (ties by object index), through
 * {@link HeapAnalysis#retainedBytes(int)} only, so that it does not depend on how retained sizes are
 * stored. O(k · log k) for k objects, 12 bytes each while sorting. Stateless; thread-safe.
 */
public final class RetainedOrder {
    private RetainedOrder() {
    }

    /** Sorts {@code objects} in place, biggest retained size first. */
    public static void biggestFirst(HeapAnalysis a, int[] objects) {
        long[] keys = new long[objects.length];
        for (int i = 0; i < objects.length; i++) {
            keys[i] = a.retainedBytes(objects[i]);
        }
        int[] order = IndexSort.descendingByKey(keys, objects, 0);
        int[] copy = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            copy[i] = objects[order[i]];
        }
        System.arraycopy(copy, 0, objects, 0, objects.length);
    }
}

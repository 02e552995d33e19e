package io.leakscan.analysis;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Retained size per object: the sum of the shallow sizes of its dominator subtree.
 *
 * <p>Stored in 4 bytes per object: an {@code int} for every size below 2 GiB, and for the few objects
 * retaining more (only ancestors of such big subtrees, a path or two from the roots) the exact
 * {@code long} in a side table searched by binary search. One reverse walk of the dominator tree's
 * depth-first order computes it: O(objects). Immutable after {@link #compute}; thread-safe to read.
 */
public final class RetainedSizes {
    /** Marks a size kept in the side table. */
    private static final int BIG = -1;

    private final int[] small;
    private int[] bigObjects = new int[0];
    private long[] bigBytes = new long[0];

    private RetainedSizes(int n) {
        this.small = new int[n];
    }

    /**
     * Retained bytes of every object (0 for unreachable ones).
     *
     * @param tree         a tree that still has its depth-first order ({@link DominatorTree#withoutOrder()}
     *                     not yet called)
     * @param shallowBytes shallow size in bytes of an object index
     */
    public static RetainedSizes compute(DominatorTree tree, IntToLongFunction shallowBytes) {
        int[] idom = tree.immediateDominators();
        int[] order = tree.dfsOrder();
        RetainedSizes sizes = new RetainedSizes(idom.length);
        // While accumulating, big sizes live in a growable table in insertion order (an object is added
        // once, when it first passes 2 GiB, and only grows after); it is sorted once at the end.
        Building big = new Building();
        int[] small = sizes.small;
        for (int i = tree.reachableCount(); i >= 1; i--) {
            int v = order[i];
            long r = (small[v] == BIG ? big.get(v) : small[v]) + shallowBytes.applyAsLong(v);
            set(small, big, v, r);
            int d = idom[v];
            if (d >= 0) {
                set(small, big, d, (small[d] == BIG ? big.get(d) : small[d]) + r);
            }
        }
        big.freezeInto(sizes);
        return sizes;
    }

    private static void set(int[] small, Building big, int v, long bytes) {
        if (small[v] != BIG && bytes < Integer.MAX_VALUE) {
            small[v] = (int) bytes;
        } else {
            small[v] = BIG;
            big.put(v, bytes);
        }
    }

    /** Retained bytes of an object (0 when unreachable). */
    public long bytes(int objectIndex) {
        int s = small[objectIndex];
        return s != BIG ? s : bigBytes[Arrays.binarySearch(bigObjects, objectIndex)];
    }

    /** Number of objects that retain 2 GiB or more (kept in the side table). */
    int bigCount() {
        return bigObjects.length;
    }

    /** The side table while accumulating: object index → bytes,. */
    private static final class Building {
        private final io.leakscan.util.LongIntMap slotOf = new io.leakscan.util.LongIntMap(16, -1);
        private int[] objects = new int[16];
        private long[] bytes = new long[16];
        private int count;

        long get(int v) {
            return bytes[slotOf.get(v)];
        }

        void put(int v, long value) {
            int slot = slotOf.get(v);
            if (slot < 0) {
                if (count == objects.length) {
                    objects = Arrays.copyOf(objects, count * 2);
                    bytes = Arrays.copyOf(bytes, count * 2);
                }
                slot = count++;
                slotOf.put(v, slot);
                objects[slot] = v;
            }
            bytes[slot] = value;
        }

        void freezeInto(RetainedSizes sizes) {
            long[] packed = new long[count];
            for (int i = 0; i < count; i++) {
                packed[i] = ((long) objects[i] << 32) | i;
            }
            Arrays.sort(packed);
            sizes.bigObjects = new int[count];
            sizes.bigBytes = new long[count];
            for (int i = 0; i < count; i++) {
                sizes.bigObjects[i] = (int) (packed[i] >>> 32);
                sizes.bigBytes[i] = bytes[(int) packed[i]];
            }
        }
    }
}

package io.leakscan.analysis;

import java.util.function.IntToLongFunction;

/**
 * Retained size per object: the sum of the shallow sizes of its dominator subtree.
 *
 * <p>One reverse walk of the dominator tree's depth-first order (before {@link DominatorTree#withoutOrder()}): O(objects), 8 bytes per object for the result.
 * Stateless; thread-safe.
 */
public final class RetainedSizes {
    private RetainedSizes() {
    }

    /**
     * Retained bytes of every object (0 for unreachable ones).
     *
     * @param shallowBytes shallow size in bytes of an object index
     */
    public static long[] perObject(DominatorTree tree, IntToLongFunction shallowBytes) {
        int[] idom = tree.immediateDominators();
        int[] order = tree.dfsOrder();
        long[] retained = new long[idom.length];
        for (int i = tree.reachableCount(); i >= 1; i--) {
            int v = order[i];
            long r = retained[v] + shallowBytes.applyAsLong(v);
            retained[v] = r;
            int d = idom[v];
            if (d >= 0) {
                retained[d] += r;
            }
        }
        return retained;
    }
}

package io.leakscan.analysis;

import io.leakscan.heap.HeapGraph;
import io.leakscan.util.IntArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Incoming references of a few objects, found by one scan over the references of every reachable
 * object (the implicit object-to-class references included), O(objects + references) time, memory one
 * bit per object plus what is returned. Cheaper than keeping the predecessor lists when only a handful
 * of objects are asked about. Stateless; thread-safe.
 */
public final class Referrers {
    /** @param total every referrer; {@code referrers} holds the first of them, at most the limit asked. */
    public record Result(long total, int[] referrers) {
    }

    private Referrers() {
    }

    /** For each target, its referrers in object-index order, at most {@code limit} of them listed. */
    public static Map<Integer, Result> of(HeapAnalysis a, int[] targets, int limit) {
        HeapGraph g = a.snapshot().graph();
        int n = g.objectCount();
        long[] isTarget = new long[(n + 63) >>> 6];
        Map<Integer, IntArrayList> lists = new HashMap<>();
        Map<Integer, long[]> totals = new HashMap<>();
        for (int t : targets) {
            isTarget[t >>> 6] |= 1L << t;
            lists.put(t, new IntArrayList(8));
            totals.put(t, new long[1]);
        }
        int[] outStart = g.outStart();
        int[] out = g.out();
        DominatorTree tree = a.dominatorTree();
        for (int v = 0; v < n; v++) {
            if (!tree.isReachable(v)) {
                continue;
            }
            int c = g.classObjectOf(v);
            if (c >= 0 && (isTarget[c >>> 6] & (1L << c)) != 0) {
                note(c, v, lists, totals, limit);
            }
            for (int e = outStart[v]; e < outStart[v + 1]; e++) {
                int t = out[e];
                if ((isTarget[t >>> 6] & (1L << t)) != 0 && t != c) {
                    note(t, v, lists, totals, limit);
                }
            }
        }
        Map<Integer, Result> result = new HashMap<>();
        for (int t : targets) {
            result.put(t, new Result(totals.get(t)[0], lists.get(t).toArray()));
        }
        return result;
    }

    private static void note(int target, int source, Map<Integer, IntArrayList> lists, Map<Integer, long[]> totals,
            int limit) {
        totals.get(target)[0]++;
        IntArrayList l = lists.get(target);
        if (l.size() < limit) {
            l.add(source);
        }
    }
}

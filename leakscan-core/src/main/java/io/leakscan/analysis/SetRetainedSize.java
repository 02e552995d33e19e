package io.leakscan.analysis;

import io.leakscan.heap.HeapGraph;
import io.leakscan.heap.HeapSnapshot;

/**
 * Exact retained size of any set of objects — what would be freed if all of them went away at once, MAT's
 * definition — as the used heap minus what the GC roots still reach when the set is taken out. For a
 * set the dominator tree alone cannot answer (several classes together, a class and its subclasses).
 *
 * <p>Cost: one breadth-first search over the graph, O(objects + references); memory 4 bytes per object
 * (the queue) plus two bits per object, all transient. Stateless; thread-safe.
 */
public final class SetRetainedSize {
    private SetRetainedSize() {
    }

    /** Retained bytes of {@code members} (object indices; unreachable ones add nothing). */
    public static long of(HeapAnalysis a, int[] members) {
        HeapSnapshot s = a.snapshot();
        HeapGraph g = s.graph();
        int n = g.objectCount();
        long[] removed = new long[(n + 63) >>> 6];
        for (int m : members) {
            removed[m >>> 6] |= 1L << m;
        }
        long[] seen = new long[(n + 63) >>> 6];
        int[] queue = new int[n];
        int tail = 0;
        for (int r : g.rootObjects()) {
            if (!marked(removed, r) && !marked(seen, r)) {
                seen[r >>> 6] |= 1L << r;
                queue[tail++] = r;
            }
        }
        int[] outStart = g.outStart();
        int[] out = g.out();
        long stillReached = 0;
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            stillReached += s.shallowBytes(v);
            int c = g.classObjectOf(v);
            if (c >= 0 && !marked(removed, c) && !marked(seen, c)) {
                seen[c >>> 6] |= 1L << c;
                queue[tail++] = c;
            }
            for (int e = outStart[v]; e < outStart[v + 1]; e++) {
                int t = out[e];
                if (!marked(removed, t) && !marked(seen, t)) {
                    seen[t >>> 6] |= 1L << t;
                    queue[tail++] = t;
                }
            }
        }
        return a.usedHeapBytes() - stillReached;
    }

    private static boolean marked(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }
}

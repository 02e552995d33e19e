package io.leakscan.analysis;

import io.leakscan.heap.HeapGraph;
import java.util.Arrays;

/**
 * Inbound references of every object (implicit object-to-class edges included), from reachable
 * objects only. Memory: 4 bytes per reference plus 4 per object. O(objects + references) to build.
 * Immutable; thread-safe to read.
 */
public final class Predecessors {
    private final int[] start;
    private final int[] preds;

    private Predecessors(int[] start, int[] preds) {
        this.start = start;
        this.preds = preds;
    }

    public static Predecessors build(HeapGraph g, DominatorTree tree) {
        int n = g.objectCount();
        int[] outStart = g.outStart();
        int[] out = g.out();
        int[] start = new int[n + 1];
        for (int v : tree.preorder()) {
            int c = g.classObjectOf(v);
            if (c >= 0) {
                start[c]++;
            }
            for (int e = outStart[v]; e < outStart[v + 1]; e++) {
                start[out[e]]++;
            }
        }
        for (int i = 0, sum = 0; i <= n; i++) {
            int c = i < n ? start[i] : 0;
            start[i] = sum;
            sum += c;
        }
        int[] preds = new int[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int v : tree.preorder()) {
            int c = g.classObjectOf(v);
            if (c >= 0) {
                preds[fill[c]++] = v;
            }
            for (int e = outStart[v]; e < outStart[v + 1]; e++) {
                preds[fill[out[e]]++] = v;
            }
        }
        return new Predecessors(start, preds);
    }

    public int start(int objectIndex) {
        return start[objectIndex];
    }

    public int end(int objectIndex) {
        return start[objectIndex + 1];
    }

    public int at(int position) {
        return preds[position];
    }
}

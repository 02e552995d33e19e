package io.leakscan.analysis;

import io.leakscan.heap.HeapGraph;

/**
 * Inbound explicit references of every object, from reachable objects only. The implicit
 * object-to-class edges are left out: the referrers of a class object through them are all instances of
 * the class it describes, which a caller that needs them has listed already (ClassRetainedSizes), and
 * keeping them would cost 4 bytes per object. Memory: 4 bytes per reference plus 4 per object.
 * O(objects + references) to build.
 * Immutable; thread-safe to read.
 */
public final class Predecessors {
    private final int[] start;
    private final int[] preds;

    private Predecessors(int[] start, int[] preds) {
        this.start = start;
        this.preds = preds;
    }

    public static Predecessors build(HeapGraph g, DominatorChildren tree) {
        int n = g.objectCount();
        int[] outStart = g.outStart();
        int[] out = g.out();
        int[] start = new int[n + 1];
        for (int v : tree.byEntry()) {
            for (int e = outStart[v]; e < outStart[v + 1]; e++) {
                start[out[e]]++;
            }
        }
        // start[i] becomes the end of i's list; filling each list from its end moves it back to the start,
        // so no second offsets array ("fill") is needed at this, the analysis's memory peak.
        for (int i = 0, sum = 0; i <= n; i++) {
            sum += start[i];
            start[i] = sum;
        }
        int[] preds = new int[start[n]];
        for (int v : tree.byEntry()) {
            for (int e = outStart[v]; e < outStart[v + 1]; e++) {
                preds[--start[out[e]]] = v;
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

package io.leakscan.analysis;

import io.leakscan.heap.HeapGraph;
import java.util.Arrays;

/**
 * Shortest reference paths from the GC roots to every reachable object, from one breadth-first search:
 * each object records the object it was first reached from. O(objects + references) time, 4 bytes per
 * object. Immutable after construction; thread-safe to read.
 */
public final class ShortestPaths {
    private final int[] parent;
    private final int[] order;

    private ShortestPaths(int[] parent, int[] order) {
        this.parent = parent;
        this.order = order;
    }

    /** Marker in the parent array for GC roots. */
    public static final int ROOT = -1;
    /** Marker for objects no GC root reaches. */
    public static final int UNREACHED = -2;

    public static ShortestPaths compute(HeapGraph g) {
        int n = g.objectCount();
        int[] parent = new int[n];
        Arrays.fill(parent, UNREACHED);
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int r : g.rootObjects()) {
            if (parent[r] == UNREACHED) {
                parent[r] = ROOT;
                queue[tail++] = r;
            }
        }
        int[] outStart = g.outStart();
        int[] out = g.out();
        while (head < tail) {
            int v = queue[head++];
            for (int e = outStart[v]; e < outStart[v + 1]; e++) {
                int t = out[e];
                if (parent[t] == UNREACHED) {
                    parent[t] = v;
                    queue[tail++] = t;
                }
            }
            int c = g.classObjectOf(v);
            if (c >= 0 && parent[c] == UNREACHED) {
                parent[c] = v;
                queue[tail++] = c;
            }
        }
        return new ShortestPaths(parent, java.util.Arrays.copyOf(queue, tail));
    }

    /** The object {@code objectIndex} was first reached from, {@link #ROOT} or {@link #UNREACHED}. */
    public int parent(int objectIndex) {
        return parent[objectIndex];
    }

    /** Reachable objects in breadth-first order: every object comes after its parent. Shared. */
    public int[] order() {
        return order;
    }

    /** The path from a GC root to {@code objectIndex}, root first; empty when unreachable. */
    public int[] pathTo(int objectIndex) {
        if (parent[objectIndex] == UNREACHED) {
            return new int[0];
        }
        int len = 1;
        for (int v = objectIndex; parent[v] >= 0; v = parent[v]) {
            len++;
        }
        int[] path = new int[len];
        int i = len - 1;
        for (int v = objectIndex; ; v = parent[v]) {
            path[i--] = v;
            if (parent[v] < 0) {
                break;
            }
        }
        return path;
    }
}

package io.leakscan.analysis;

import io.leakscan.heap.HeapGraph;
import java.util.Arrays;

/**
 * Shortest reference paths from the GC roots to every reachable object, from one breadth-first search:
 * each object records the object it was first reached from, and the resulting tree is numbered so that
 * every subtree is one slice of {@link #byEntry()}. O(objects + references) time; 12 bytes per object
 * kept (parents, the objects by entry number, each entry's subtree end), 12 more while building.
 * Immutable after construction; thread-safe to read.
 */
public final class ShortestPaths {
    private final int[] parent;
    private int[] exitByEntry;
    private int[] byEntry;

    private ShortestPaths(int[] parent, int[] bfsOrder, int reached) {
        this.parent = parent;
        number(bfsOrder, reached);
    }

    /**
     * Euler numbering of the breadth-first tree: the subtree of the object at entry number {@code entry}
     * ({@code byEntry()[entry]}) is the slice {@code [entry, exitAt(entry)]} of {@link #byEntry()}. Kept by
     * entry number, not by object: its only readers walk the numbering, and no per-object entry array is
     * then needed (4 bytes per object less).
     */
    public int exitAt(int entry) {
        return exitByEntry[entry];
    }

    /** Numbers the tree from the breadth-first order {@code order[0..reached)}, which it then drops. */
    private void number(int[] order, int reached) {
        int n = parent.length;
        int[] childStart = new int[n + 1];
        int roots = 0;
        for (int i = 0; i < reached; i++) {
            int p = parent[order[i]];
            if (p >= 0) {
                childStart[p]++;
            } else {
                roots++;
            }
        }
        // childStart[i] becomes the end of i's list; filling the lists backwards from a backward walk of the
        // order moves each offset to its list's start and keeps every list in breadth-first order, with no
        // second offsets array.
        for (int i = 0, sum = 0; i <= n; i++) {
            sum += i < n ? childStart[i] : 0;
            childStart[i] = sum;
        }
        int[] children = new int[childStart[n]];
        int[] rootList = new int[roots];
        for (int i = reached - 1; i >= 0; i--) {
            int v = order[i];
            int p = parent[v];
            if (p >= 0) {
                children[--childStart[p]] = v;
            } else {
                rootList[--roots] = v;
            }
        }
        order = null; // 4 bytes per object less while numbering
        EulerTour.Numbering numbering = EulerTour.number(n, childStart, children, parent, rootList, reached);
        byEntry = numbering.byEntry();
        int[] exit = numbering.exit();
        exitByEntry = new int[byEntry.length];
        for (int e = 0; e < byEntry.length; e++) {
            exitByEntry[e] = exit[byEntry[e]];
        }
    }

    /** Reachable objects by breadth-first-tree Euler entry number: a subtree is one slice. Shared. */
    public int[] byEntry() {
        return byEntry;
    }

    /** Marker in the parent array for GC roots. */
    public static final int ROOT = -1;
    /** Marker for objects no GC root reaches. */
    public static final int UNREACHED = -2;

    /** Decides which references a search may follow (to leave out weak referents, say). */
    @FunctionalInterface
    public interface EdgeFilter {
        /** True when the reference at position {@code edge} of {@code source}'s explicit references may be followed. */
        boolean follow(int source, int edge);
    }

    public static ShortestPaths compute(HeapGraph g) {
        int[][] order = new int[1][];
        int[] reached = new int[1];
        int[] parent = breadthFirstParents(g, null, order, reached);
        return new ShortestPaths(parent, order[0], reached[0]);
    }

    /**
     * Breadth-first parents ({@link #ROOT}, {@link #UNREACHED} or the object first reached from), following
     * only the references {@code filter} allows (all when null). {@code orderOut}, when given, receives the
     * queue, whose first {@code reachedOut[0]} slots are the breadth-first order.
     */
    static int[] breadthFirstParents(HeapGraph g, EdgeFilter filter, int[][] orderOut, int[] reachedOut) {
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
                if (parent[t] == UNREACHED && (filter == null || filter.follow(v, e))) {
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
        if (orderOut != null) {
            orderOut[0] = queue;
            reachedOut[0] = tail;
        }
        return parent;
    }

    /** The object {@code objectIndex} was first reached from, {@link #ROOT} or {@link #UNREACHED}. */
    public int parent(int objectIndex) {
        return parent[objectIndex];
    }

    /** Reachable objects with every object after its parent (the tree's preorder). Shared. */
    public int[] order() {
        return byEntry;
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

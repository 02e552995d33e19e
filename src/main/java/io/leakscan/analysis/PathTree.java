package io.leakscan.analysis;

import io.leakscan.util.IntArrayList;
import io.leakscan.util.LongArrayList;
import io.leakscan.util.LongIntMap;

/**
 * The shortest paths from the GC roots to a set of objects merged into one tree, as MAT's "merge shortest
 * paths to GC roots": a node is an object reached along a path from a given parent node; its top-level
 * nodes are GC roots. Each node counts the targets whose path runs through it, and sums their shallow and
 * retained sizes.
 *
 * <p>Cost: one breadth-first search when references are excluded (O(objects + references), 8 bytes per
 * object while it runs), then O(total path length) to merge; the tree has at most that many nodes
 * (about 40 bytes each). Immutable; thread-safe to read.
 */
public final class PathTree {
    private final int[] nodeObject;
    private final int[] nodeParent;
    private final int[] nodeCount;
    private final long[] nodeShallow;
    private final long[] nodeRetained;
    private final int unreached;

    private PathTree(int[] nodeObject, int[] nodeParent, int[] nodeCount, long[] nodeShallow, long[] nodeRetained,
            int unreached) {
        this.nodeObject = nodeObject;
        this.nodeParent = nodeParent;
        this.nodeCount = nodeCount;
        this.nodeShallow = nodeShallow;
        this.nodeRetained = nodeRetained;
        this.unreached = unreached;
    }

    /**
     * Merges the paths to {@code targets}. Unless {@code includeWeak}, the paths avoid
     * {@code Reference.referent} (weak, soft, phantom and finalizer references) and the finalizer queue,
     * as MAT's default; then a target reachable only through such references has no path.
     */
    public static PathTree of(HeapAnalysis a, int[] targets, boolean includeWeak) {
        if (includeWeak) {
            ShortestPaths p = a.shortestPaths();
            return merge(a, p::parent, targets);
        }
        int[] parent = GroupAccumulation.shortestPathsAvoidingWeakReferences(a.snapshot(), true);
        return merge(a, v -> parent[v], targets);
    }

    /** Breadth-first parents: {@link ShortestPaths#ROOT}, {@link ShortestPaths#UNREACHED} or an object index. */
    @FunctionalInterface
    interface Parents {
        int of(int objectIndex);
    }

    static PathTree merge(HeapAnalysis a, Parents parent, int[] targets) {
        LongIntMap nodeOf = new LongIntMap(1024, -1);
        IntArrayList object = new IntArrayList(1024);
        IntArrayList up = new IntArrayList(1024);
        IntArrayList count = new IntArrayList(1024);
        LongArrayList shallow = new LongArrayList(1024);
        LongArrayList retained = new LongArrayList(1024);
        IntArrayList path = new IntArrayList(64);
        int unreached = 0;
        for (int m : targets) {
            if (parent.of(m) == ShortestPaths.UNREACHED) {
                unreached++;
                continue;
            }
            path.truncate(0);
            for (int v = m; v >= 0; v = parent.of(v)) {
                path.add(v);
            }
            int node = -1;
            long targetShallow = a.snapshot().shallowBytes(m);
            long targetRetained = a.retainedBytes(m);
            for (int i = path.size() - 1; i >= 0; i--) {
                int o = path.get(i);
                long key = ((long) (node + 1) << 32) | o;
                int next = nodeOf.get(key);
                if (next < 0) {
                    next = object.size();
                    nodeOf.put(key, next);
                    object.add(o);
                    up.add(node);
                    count.add(0);
                    shallow.add(0);
                    retained.add(0);
                }
                count.set(next, count.get(next) + 1);
                shallow.set(next, shallow.get(next) + targetShallow);
                retained.set(next, retained.get(next) + targetRetained);
                node = next;
            }
        }
        return new PathTree(object.toArray(), up.toArray(), count.toArray(), shallow.toArray(), retained.toArray(),
                unreached);
    }

    public int nodeCount() {
        return nodeObject.length;
    }

    /** The object of a node. */
    public int object(int node) {
        return nodeObject[node];
    }

    /** The parent node, or -1 for a GC root (a top-level node). */
    public int parent(int node) {
        return nodeParent[node];
    }

    /** Targets whose path runs through the node. */
    public int targets(int node) {
        return nodeCount[node];
    }

    /** Sum of those targets' shallow sizes. */
    public long targetShallowBytes(int node) {
        return nodeShallow[node];
    }

    /** Sum of those targets' own retained sizes (a target inside another's retained set counts in both). */
    public long targetRetainedBytes(int node) {
        return nodeRetained[node];
    }

    /** Targets no path reaches (with the excluded references left out). */
    public int unreachedTargets() {
        return unreached;
    }

    /** MAT's order of branches: more targets first, then more retained, then by object index. */
    public boolean before(int a, int b) {
        if (nodeCount[a] != nodeCount[b]) {
            return nodeCount[a] > nodeCount[b];
        }
        if (nodeRetained[a] != nodeRetained[b]) {
            return nodeRetained[a] > nodeRetained[b];
        }
        return nodeObject[a] < nodeObject[b];
    }

    /**
     * Children of every node (index {@code nodeCount()} holds the top-level nodes), each list in
     * {@link #before} order. O(nodes · log nodes).
     */
    public int[][] children() {
        int n = nodeObject.length;
        int[] sizes = new int[n + 1];
        for (int v = 0; v < n; v++) {
            sizes[nodeParent[v] < 0 ? n : nodeParent[v]]++;
        }
        int[][] children = new int[n + 1][];
        for (int v = 0; v <= n; v++) {
            children[v] = new int[sizes[v]];
            sizes[v] = 0;
        }
        for (int v = 0; v < n; v++) {
            int p = nodeParent[v] < 0 ? n : nodeParent[v];
            children[p][sizes[p]++] = v;
        }
        for (int[] list : children) {
            if (list.length > 1) {
                Integer[] boxed = new Integer[list.length];
                for (int i = 0; i < list.length; i++) {
                    boxed[i] = list[i];
                }
                java.util.Arrays.sort(boxed, (x, y) -> x.equals(y) ? 0 : before(x, y) ? -1 : 1);
                for (int i = 0; i < list.length; i++) {
                    list[i] = boxed[i];
                }
            }
        }
        return children;
    }
}

package io.leakscan.analysis;

import io.leakscan.util.IntArrayList;
import io.leakscan.util.LongIntMap;

/**
 * The shortest paths from the GC roots to a set of objects merged into one tree, as MAT's "merge shortest
 * paths to GC roots": a node is an object reached along a path from a given parent node; its top-level
 * nodes are GC roots. Each node counts the targets whose path runs through it, and sums their shallow and
 * retained sizes.
 *
 * <p>Cost: one breadth-first search when references are excluded (O(objects + references), 8 bytes per
 * object while it runs), then O(total path length) to merge; the tree has at most that many nodes
 * (about 40 bytes each, 8 more once children are asked for). Immutable apart from the children lists
 * built on first use; thread-safe to read.
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
        long t = System.nanoTime();
        int[] parent = GroupAccumulation.shortestPathsAvoidingWeakReferences(a.snapshot(), true);
        io.leakscan.util.StepTimes.record("breadth-first search, weak refs excluded", t);
        t = System.nanoTime();
        PathTree tree = merge(a, v -> parent[v], targets);
        io.leakscan.util.StepTimes.record("merging the paths", t);
        return tree;
    }

    /** Breadth-first parents: {@link ShortestPaths#ROOT}, {@link ShortestPaths#UNREACHED} or an object index. */
    @FunctionalInterface
    interface Parents {
        int of(int objectIndex);
    }

    /**
     * In a breadth-first tree each object has one parent, so a merged node is identified by its object.
     * Each target walks up only to the first node already made (new nodes are numbered root first, as a
     * root-to-target walk would number them); the counts and sums are then added up from the children to
     * their parents in reverse node order. O(targets + nodes).
     */
    static PathTree merge(HeapAnalysis a, Parents parent, int[] targets) {
        LongIntMap nodeOf = new LongIntMap(1024, -1);
        IntArrayList object = new IntArrayList(1024);
        IntArrayList up = new IntArrayList(1024);
        IntArrayList fresh = new IntArrayList(64);
        int unreached = 0;
        IntArrayList targetNodes = new IntArrayList(Math.max(16, targets.length));
        for (int m : targets) {
            if (parent.of(m) == ShortestPaths.UNREACHED) {
                unreached++;
                continue;
            }
            fresh.truncate(0);
            int v = m;
            int existing = -1;
            while (v >= 0) {
                existing = nodeOf.get(v);
                if (existing >= 0) {
                    break;
                }
                fresh.add(v);
                v = parent.of(v);
            }
            int node = existing;
            for (int i = fresh.size() - 1; i >= 0; i--) {
                int o = fresh.get(i);
                int next = object.size();
                nodeOf.put(o, next);
                object.add(o);
                up.add(node);
                node = next;
            }
            targetNodes.add(nodeOf.get(m));
        }
        int n = object.size();
        int[] nodeParent = up.toArray();
        int[] count = new int[n];
        long[] shallow = new long[n];
        long[] retained = new long[n];
        int reached = 0;
        for (int m : targets) {
            if (parent.of(m) == ShortestPaths.UNREACHED) {
                continue;
            }
            int node = targetNodes.get(reached++);
            count[node]++;
            shallow[node] += a.snapshot().shallowBytes(m);
            retained[node] += a.retainedBytes(m);
        }
        for (int v = n - 1; v >= 0; v--) {
            int p = nodeParent[v];
            if (p >= 0) {
                count[p] += count[v];
                shallow[p] += shallow[v];
                retained[p] += retained[v];
            }
        }
        return new PathTree(object.toArray(), nodeParent, count, shallow, retained, unreached);
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

    /** Number of children of {@code node}; {@code -1} stands for the virtual root (the GC roots are its children). */
    public int childCount(int node) {
        int[] start = childStart();
        int at = node < 0 ? nodeObject.length : node;
        return start[at + 1] - start[at];
    }

    /** Sum of the targets of {@code node}'s children ({@code -1}: the GC roots). O(children). */
    public long childrenTargets(int node) {
        int[] start = childStart();
        int at = node < 0 ? nodeObject.length : node;
        long sum = 0;
        for (int i = start[at]; i < start[at + 1]; i++) {
            sum += nodeCount[childList[i]];
        }
        return sum;
    }

    /**
     * The first {@code limit} children of {@code node} (all when 0) in {@link #before} order; {@code -1}
     * stands for the virtual root. O(children · limit) for a small limit, O(children · log children) for all.
     */
    public int[] children(int node, int limit) {
        int[] start = childStart();
        int at = node < 0 ? nodeObject.length : node;
        int from = start[at];
        int count = start[at + 1] - from;
        int take = limit <= 0 ? count : Math.min(limit, count);
        int[] list = java.util.Arrays.copyOfRange(childList, from, from + count);
        if (take == count) {
            mergeSort(list, new int[count], 0, count);
            return list;
        }
        // partial selection: the best 'take' moved to the front one by one
        for (int i = 0; i < take; i++) {
            int best = i;
            for (int j = i + 1; j < count; j++) {
                if (before(list[j], list[best])) {
                    best = j;
                }
            }
            int t = list[i];
            list[i] = list[best];
            list[best] = t;
        }
        return java.util.Arrays.copyOf(list, take);
    }

    private void mergeSort(int[] a, int[] tmp, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid);
        mergeSort(a, tmp, mid, to);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            tmp[k++] = before(a[j], a[i]) ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
    }

    private int[] childStart;
    private int[] childList;

    /** Children lists of all nodes in one array (CSR), the virtual root's last; built on first use, O(nodes). */
    private synchronized int[] childStart() {
        if (childStart == null) {
            int n = nodeObject.length;
            int[] start = new int[n + 2];
            for (int v = 0; v < n; v++) {
                start[(nodeParent[v] < 0 ? n : nodeParent[v]) + 1]++;
            }
            for (int i = 0; i <= n; i++) {
                start[i + 1] += start[i];
            }
            int[] fill = java.util.Arrays.copyOf(start, n + 1);
            int[] list = new int[n];
            for (int v = 0; v < n; v++) {
                list[fill[nodeParent[v] < 0 ? n : nodeParent[v]]++] = v;
            }
            childList = list;
            childStart = start;
        }
        return childStart;
    }
}

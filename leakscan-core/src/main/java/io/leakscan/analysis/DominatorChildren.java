package io.leakscan.analysis;


/**
 * The dominator tree turned downward: each object's biggest immediately dominated object (for MAT's
 * accumulation points), the virtual root's children largest first, and an Euler numbering in which every
 * subtree is one contiguous range of {@link #byEntry()} — so "is x dominated by s" is two comparisons
 * and a whole retained set can be scanned as one array slice.
 *
 * <p>Memory: 12 bytes per object (12 more while building: child lists and their offsets). O(objects) to build, plus sorting the
 * top-level dominators.
 * Immutable; thread-safe to read.
 */
public final class DominatorChildren {
    private final int[] rootChildren;
    private final int[] entry;
    private final int[] exit;
    private final int[] byEntry;

    private DominatorChildren(int[] rootChildren, int[] entry, int[] exit, int[] byEntry) {
        this.rootChildren = rootChildren;
        this.entry = entry;
        this.exit = exit;
        this.byEntry = byEntry;
    }

    public static DominatorChildren build(DominatorTree tree, RetainedSizes retainedBytes) {
        int[] idom = tree.immediateDominators();
        int n = idom.length;
        int[] childStart = new int[n + 1];
        int rootCount = 0;
        for (int v = 0; v < n; v++) {
            int d = idom[v];
            if (d >= 0) {
                childStart[d]++;
            } else if (d == DominatorTree.VIRTUAL_ROOT) {
                rootCount++;
            }
        }
        // childStart[i] becomes the end of i's list; filling backwards from a backward walk moves each
        // offset to its list's start and keeps every list in ascending order, with no second offsets array.
        for (int i = 0, sum = 0; i <= n; i++) {
            sum += i < n ? childStart[i] : 0;
            childStart[i] = sum;
        }
        int[] children = new int[childStart[n]];
        int[] rootChildren = new int[rootCount];
        int rc = rootCount;
        for (int v = n - 1; v >= 0; v--) {
            int d = idom[v];
            if (d >= 0) {
                children[--childStart[d]] = v;
            } else if (d == DominatorTree.VIRTUAL_ROOT) {
                rootChildren[--rc] = v;
            }
        }
        sortByRetainedDesc(rootChildren, 0, rootChildren.length, retainedBytes);
        // Only the biggest child of each object is needed in order (accumulation points); move it first
        // instead of sorting every list: O(objects) instead of O(objects · log).
        for (int v = 0; v < n; v++) {
            int from = childStart[v];
            int to = childStart[v + 1];
            if (to - from > 1) {
                int best = from;
                for (int i = from + 1; i < to; i++) {
                    int a = children[i];
                    int b = children[best];
                    long ra = retainedBytes.bytes(a);
                    long rb = retainedBytes.bytes(b);
                    if (ra > rb || (ra == rb && a < b)) {
                        best = i;
                    }
                }
                int t = children[from];
                children[from] = children[best];
                children[best] = t;
            }
        }
        EulerTour.Numbering numbering = EulerTour.number(n, childStart, children, idom, rootChildren, tree.reachableCount());
        return new DominatorChildren(rootChildren, numbering.entry(), numbering.exit(), numbering.byEntry());
    }

    /** Sorts {@code a[from..to)} by retained size descending, ties by object index (deterministic). */
    static void sortByRetainedDesc(int[] a, int from, int to, RetainedSizes retained) {
        int len = to - from;
        if (len < 2) {
            return;
        }
        long[] keys = new long[len];
        for (int i = 0; i < len; i++) {
            keys[i] = retained.bytes(a[from + i]);
        }
        int[] order = IndexSort.descendingByKey(keys, a, from);
        int[] copy = new int[len];
        for (int i = 0; i < len; i++) {
            copy[i] = a[from + order[i]];
        }
        System.arraycopy(copy, 0, a, from, len);
    }

    /**
     * The biggest immediately dominated object (by retained size), or -1 for a leaf: the Euler tour visits
     * it first, so it is the next object in entry order when the subtree has more than its root.
     */
    public int firstChild(int objectIndex) {
        int e = entry[objectIndex];
        return e >= 0 && exit[objectIndex] > e ? byEntry[e + 1] : -1;
    }

    /** Children of the virtual root (the top-level dominators), largest retained first. Shared. */
    public int[] rootChildren() {
        return rootChildren;
    }

    /** Euler entry number of a reachable object (-1 if unreachable). */
    public int entry(int objectIndex) {
        return entry[objectIndex];
    }

    /** Largest entry number inside the object's dominator subtree. */
    public int exit(int objectIndex) {
        return exit[objectIndex];
    }

    /** Reachable objects by entry number; a subtree is the slice {@code [entry(v), exit(v)]}. Shared. */
    public int[] byEntry() {
        return byEntry;
    }

    /** True when {@code ancestor} dominates {@code x} (or is it). */
    public boolean dominates(int ancestor, int x) {
        int e = entry[x];
        return e >= entry[ancestor] && e <= exit[ancestor] && entry[ancestor] >= 0;
    }
}

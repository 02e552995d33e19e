package io.leakscan.analysis;

/**
 * Questions about one object's place in the dominator tree, answered from the Euler numbering of
 * {@link DominatorChildren} (a subtree is one slice of {@code byEntry}): how many objects it retains and
 * which objects it immediately dominates. Cost per question: O(children · log children). Stateless;
 * thread-safe.
 */
public final class DominatorQueries {
    private DominatorQueries() {
    }

    /** Number of objects in the retained set of {@code objectIndex} (itself included); 0 when unreachable. */
    public static long retainedObjectCount(HeapAnalysis a, int objectIndex) {
        DominatorChildren d = a.dominatorChildren();
        int entry = d.entry(objectIndex);
        return entry < 0 ? 0 : (long) d.exit(objectIndex) - entry + 1;
    }

    /**
     * The objects {@code objectIndex} immediately dominates, biggest retained size first (ties by object index).
     * Walks the children's slices: the first child follows its parent, each next one follows the
     * previous child's subtree.
     */
    public static int[] immediatelyDominated(HeapAnalysis a, int objectIndex) {
        DominatorChildren d = a.dominatorChildren();
        int entry = d.entry(objectIndex);
        if (entry < 0) {
            return new int[0];
        }
        int[] byEntry = d.byEntry();
        int end = d.exit(objectIndex);
        int count = 0;
        for (int e = entry + 1; e <= end; e = d.exit(byEntry[e]) + 1) {
            count++;
        }
        int[] children = new int[count];
        count = 0;
        for (int e = entry + 1; e <= end; e = d.exit(byEntry[e]) + 1) {
            children[count++] = byEntry[e];
        }
        RetainedOrder.biggestFirst(a, children);
        return children;
    }
}

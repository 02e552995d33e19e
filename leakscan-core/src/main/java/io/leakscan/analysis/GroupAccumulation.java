package io.leakscan.analysis;

import io.leakscan.heap.HeapClassTable;
import io.leakscan.heap.HeapGraph;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.heap.ObjectKind;
import java.util.Arrays;

/**
 * The accumulation point of a group suspect (many top-level dominators of one class), as MAT's leak
 * report finds it: merge the members' shortest paths from the GC roots into one tree (ignoring weak
 * referents and the finalizer queue, as MAT's paths do), then walk down from the busiest root while a
 * node leads to more than 80% of the members, stopping where the biggest branch keeps less than 70% of
 * the members' retained size.
 *
 * <p>One breadth-first search, O(objects + references); the merged tree is as big as the members' paths.
 * Stateless; thread-safe.
 */
final class GroupAccumulation {
    private static final double COVER = 0.8;
    private static final double BIG_DROP_RATIO = 0.7;

    private GroupAccumulation() {
    }

    /** Object index of the accumulation point, or -1 when there is none. */
    static int find(HeapAnalysis a, int[] members) {
        HeapSnapshot s = a.snapshot();
        int[] parent = shortestPathsAvoidingWeakReferences(s, true);
        boolean anyPath = false;
        for (int m : members) {
            anyPath |= parent[m] != UNREACHED;
        }
        if (!anyPath) {
            parent = shortestPathsAvoidingWeakReferences(s, false); // MAT retries without its excludes
        }
        int[] parents = parent;
        PathTree tree = PathTree.merge(a, v -> parents[v], members);
        if (tree.unreachedTargets() == members.length) {
            return -1;
        }
        int nodes = tree.nodeCount();
        // Children of each node, and the top-level nodes.
        int[] bestChild = new int[nodes];
        Arrays.fill(bestChild, -1);
        int bestRoot = -1;
        for (int n = 0; n < nodes; n++) {
            int p = tree.parent(n);
            if (p < 0) {
                if (bestRoot < 0 || before(n, bestRoot, tree)) {
                    bestRoot = n;
                }
            } else if (bestChild[p] < 0 || before(n, bestChild[p], tree)) {
                bestChild[p] = n;
            }
        }
        int threshold = (int) (COVER * members.length);
        int record = bestRoot;
        while (record >= 0 && tree.targets(record) > threshold) {
            int child = bestChild[record];
            if (child < 0) {
                return tree.object(record);
            }
            if ((double) tree.targetRetainedBytes(child) / tree.targetRetainedBytes(record) < BIG_DROP_RATIO) {
                return tree.object(record);
            }
            record = child;
        }
        return -1;
    }

    /**
     * MAT orders path records by the number of objects they lead to, then by their retained size; on a
     * full tie the first record found stays first.
     */
    private static boolean before(int a, int b, PathTree tree) {
        if (tree.targets(a) != tree.targets(b)) {
            return tree.targets(a) > tree.targets(b);
        }
        return tree.targetRetainedBytes(a) > tree.targetRetainedBytes(b);
    }

    private static final int UNREACHED = ShortestPaths.UNREACHED;

    /**
     * Breadth-first parents from the GC roots that do not follow {@code Reference.referent} nor
     * {@code Finalizer}'s static {@code unfinalized} queue (when {@code exclude}).
     */
    static int[] shortestPathsAvoidingWeakReferences(HeapSnapshot s, boolean exclude) {
        HeapGraph g = s.graph();
        HeapClassTable classes = s.classes();
        int reference = classes.find("java.lang.ref.Reference");
        int finalizer = classes.find("java.lang.ref.Finalizer");
        // Per class, the reference-field position of 'referent' when it is a Reference subclass (else -1).
        int[] referentSlot = new int[classes.count()];
        Arrays.fill(referentSlot, -1);
        if (exclude && reference >= 0) {
            for (int c = 0; c < classes.count(); c++) {
                if (classes.isSubclassOf(c, reference)) {
                    referentSlot[c] = Arrays.asList(classes.referenceFieldNames(c)).indexOf("referent");
                }
            }
        }
        int unfinalizedSlot = exclude && finalizer >= 0
                ? Arrays.asList(classes.referenceStaticNames(finalizer)).indexOf("unfinalized") : -1;
        int finalizerClassObject = finalizer >= 0 ? classes.classObject(finalizer) : -1;

        int[] classOf = g.classIndexOf();
        int[] excludedSlot = referentSlot;
        return ShortestPaths.breadthFirstParents(g, (v, e) -> {
            int skipSlot = -1;
            if (s.kind(v) == ObjectKind.INSTANCE) {
                skipSlot = excludedSlot[classOf[v]];
            } else if (v == finalizerClassObject) {
                skipSlot = unfinalizedSlot;
            }
            return skipSlot < 0 || s.edgeSlot(e) != skipSlot;
        }, null, null);
    }
}

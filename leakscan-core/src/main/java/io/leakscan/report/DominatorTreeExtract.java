package io.leakscan.report;

import io.leakscan.analysis.DominatorChildren;
import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.util.IntArrayList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a bounded picture out of the dominator tree: the top-level dominators, then their biggest
 * dominated objects a few levels down, breadth first, until {@link #MAX_NODES} nodes. Among siblings,
 * the biggest are shown one by one, the next ones grouped by class, and whatever is left is one
 * {@code rest} node, so every level still adds up to its parent's retained size. Objects under
 * {@link #MIN_SHARE_OF_HEAP} of the used heap are never shown on their own: they would be tiles too
 * small to see.
 *
 * <p>Cost: does not read the dump; visits the dominated children of each expanded object once (at most
 * every reachable object once in all), keeping only the few biggest: O(objects) time. Memory: 12 bytes
 * per class for the grouping, plus the extract itself (at most {@link #MAX_NODES} nodes). Not
 * thread-safe; one per report.
 */
public final class DominatorTreeExtract {
    /** Nodes in the whole extract (the heap root included); the rest of a level is summed into one node. */
    public static final int MAX_NODES = 600;
    /** Levels of objects under the heap root. */
    public static final int MAX_DEPTH = 6;
    /** Objects shown one by one under the heap root, and under any other object. */
    static final int TOP_LEVEL_OBJECTS = 30;
    static final int CHILD_OBJECTS = 10;
    /** Class groups shown among the smaller siblings. */
    static final int CLASS_GROUPS = 8;
    /** Smallest share of the used heap an object or a group needs to be shown by itself (0.1%). */
    public static final double MIN_SHARE_OF_HEAP = 0.001;

    private final HeapAnalysis analysis;
    private final HeapSnapshot snapshot;
    private final DominatorChildren tree;
    private final io.leakscan.analysis.RetainedSizes retained;
    private final long minBytes;
    private final long[] groupBytes;
    private final long[] groupCount;
    private final IntArrayList touchedClasses = new IntArrayList(64);
    private int nodes;

    /** A node while the extract grows; frozen into {@link DominatorTreeNode} at the end. */
    private static final class Draft {
        final String kind;
        final String label;
        final String className;
        final String address;
        final long objects;
        final long retainedBytes;
        final int objectIndex;
        final int depth;
        final List<Draft> children = new ArrayList<>();

        Draft(String kind, String label, String className, String address, long objects, long retainedBytes,
                int objectIndex, int depth) {
            this.kind = kind;
            this.label = label;
            this.className = className;
            this.address = address;
            this.objects = objects;
            this.retainedBytes = retainedBytes;
            this.objectIndex = objectIndex;
            this.depth = depth;
        }
    }

    private DominatorTreeExtract(HeapAnalysis analysis) {
        this.analysis = analysis;
        this.snapshot = analysis.snapshot();
        this.tree = analysis.dominatorChildren();
        this.retained = analysis.retainedSizes();
        this.minBytes = Math.max(1, (long) Math.ceil(analysis.usedHeapBytes() * MIN_SHARE_OF_HEAP));
        int classes = snapshot.classes().count();
        this.groupBytes = new long[classes];
        this.groupCount = new long[classes];
    }

    /** The extract of {@code analysis}'s dominator tree, rooted at a {@code heap} node of the used heap. */
    public static DominatorTreeNode of(HeapAnalysis analysis) {
        return new DominatorTreeExtract(analysis).build();
    }

    private DominatorTreeNode build() {
        Draft root = new Draft("heap", "heap", null, null, analysis.liveObjects(), analysis.usedHeapBytes(), -1, 0);
        nodes = 1;
        ArrayDeque<Draft> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty() && nodes < MAX_NODES) {
            Draft d = queue.poll();
            expand(d);
            for (Draft c : d.children) {
                if (c.objectIndex >= 0 && c.depth < MAX_DEPTH && tree.firstChild(c.objectIndex) >= 0
                        && retained.bytes(tree.firstChild(c.objectIndex)) >= minBytes) {
                    queue.add(c);
                }
            }
        }
        return freeze(root);
    }

    /** Adds {@code d}'s children: the biggest objects, then class groups, then the rest. */
    private void expand(Draft d) {
        int wanted = Math.min(d.depth == 0 ? TOP_LEVEL_OBJECTS : CHILD_OBJECTS, MAX_NODES - nodes - 1);
        if (wanted <= 0) {
            return;
        }
        // Pass 1: the `wanted` biggest children of at least minBytes, biggest first (insertion into a short array).
        int[] best = new int[wanted];
        int found = 0;
        long childCount = 0;
        for (int c = firstOf(d), i = 0; c >= 0; c = nextOf(d, c, ++i)) {
            childCount++;
            long r = retained.bytes(c);
            if (r < minBytes || (found == wanted && !bigger(c, best[found - 1]))) {
                continue;
            }
            int at = found == wanted ? wanted - 1 : found++;
            while (at > 0 && bigger(c, best[at - 1])) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = c;
        }
        if (childCount == 0) {
            return;
        }
        for (int k = 0; k < found; k++) {
            int o = best[k];
            d.children.add(new Draft("object", snapshot.describe(o), className(o),
                    "0x" + Long.toHexString(snapshot.objectId(o)), 1, retained.bytes(o), o, d.depth + 1));
        }
        nodes += found;
        // Pass 2: everything else, summed per class; a child is among the best when it is at least as big as the smallest shown.
        long restBytes = 0;
        long restObjects = 0;
        for (int c = firstOf(d), i = 0; c >= 0; c = nextOf(d, c, ++i)) {
            if (found > 0 && !bigger(best[found - 1], c) && isAmong(c, best, found)) {
                continue;
            }
            int cls = snapshot.classIndexOf(c);
            if (groupCount[cls] == 0) {
                touchedClasses.add(cls);
            }
            groupCount[cls]++;
            groupBytes[cls] += retained.bytes(c);
            restBytes += retained.bytes(c);
            restObjects++;
        }
        int groups = Math.min(CLASS_GROUPS, MAX_NODES - nodes - 1);
        for (int g = 0; g < groups; g++) {
            int pick = -1;
            for (int t = 0; t < touchedClasses.size(); t++) {
                int cls = touchedClasses.get(t);
                if (groupCount[cls] > 0 && groupBytes[cls] >= minBytes && (pick < 0 || groupBytes[cls] > groupBytes[pick])) {
                    pick = cls;
                }
            }
            if (pick < 0) {
                break;
            }
            String name = snapshot.classes().name(pick);
            d.children.add(new Draft("class", String.format(Locale.ROOT, "%,d × %s", groupCount[pick], name), name,
                    null, groupCount[pick], groupBytes[pick], -1, d.depth + 1));
            nodes++;
            restBytes -= groupBytes[pick];
            restObjects -= groupCount[pick];
            groupCount[pick] = 0; // taken: not picked again, and reset below
        }
        for (int t = 0; t < touchedClasses.size(); t++) {
            int cls = touchedClasses.get(t);
            groupCount[cls] = 0;
            groupBytes[cls] = 0;
        }
        touchedClasses.truncate(0);
        if (restObjects > 0) {
            d.children.add(new Draft("rest", String.format(Locale.ROOT, "%,d more object%s", restObjects,
                    restObjects == 1 ? "" : "s"), null, null, restObjects, restBytes, -1, d.depth + 1));
            nodes++;
        }
    }

    /** True when {@code a} comes before {@code b}: bigger retained size, ties by object index. */
    private boolean bigger(int a, int b) {
        return retained.bytes(a) > retained.bytes(b) || (retained.bytes(a) == retained.bytes(b) && a < b);
    }

    private static boolean isAmong(int c, int[] best, int found) {
        for (int k = 0; k < found; k++) {
            if (best[k] == c) {
                return true;
            }
        }
        return false;
    }

    // Children of the heap root are the top-level dominators; of an object, the consecutive subtrees of its Euler range.
    private int firstOf(Draft d) {
        if (d.objectIndex < 0) {
            return tree.rootChildren().length > 0 ? tree.rootChildren()[0] : -1;
        }
        int e = tree.entry(d.objectIndex);
        return e < tree.exit(d.objectIndex) ? tree.byEntry()[e + 1] : -1;
    }

    private int nextOf(Draft d, int current, int i) {
        if (d.objectIndex < 0) {
            return i < tree.rootChildren().length ? tree.rootChildren()[i] : -1;
        }
        int next = tree.exit(current) + 1;
        return next <= tree.exit(d.objectIndex) ? tree.byEntry()[next] : -1;
    }

    private String className(int o) {
        return snapshot.classes().name(snapshot.classIndexOf(o));
    }

    private DominatorTreeNode freeze(Draft d) {
        List<DominatorTreeNode> children = new ArrayList<>(d.children.size());
        for (Draft c : d.children) {
            children.add(freeze(c));
        }
        return new DominatorTreeNode(d.kind, d.label, d.className, d.address, d.objects, d.retainedBytes,
                AnalyzeReportBuilder.percentOf(d.retainedBytes, analysis.usedHeapBytes()), List.copyOf(children));
    }
}

package io.leakscan.report;

import io.leakscan.analysis.ClassInstances;
import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.ObjectInspector;
import io.leakscan.analysis.PathTree;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.util.IntArrayList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link PathsReport}: merges the targets' shortest paths ({@link PathTree}, no file access),
 * then reads the objects that name the shown references and threads in one pass over the dump. Not
 * thread-safe; one per report.
 */
public final class PathsReportBuilder {
    private final HeapAnalysis analysis;
    private final HeapSnapshot snapshot;
    private final int top;

    /** @param top child branches listed per node, most instances first (0 = all) */
    public PathsReportBuilder(HeapAnalysis analysis, int top) {
        this.analysis = analysis;
        this.snapshot = analysis.snapshot();
        this.top = top;
    }

    public PathsReport build(String displayPath, String className, int[] classIndices, boolean subclasses,
            boolean includeWeak) {
        int[] targets = ClassInstances.of(analysis, classIndices).instances();
        PathTree tree = PathTree.of(analysis, targets, includeWeak);
        // Depth-first order of the nodes shown, without recursion (paths can be thousands of steps long).
        IntArrayList shown = new IntArrayList(64);
        IntArrayList shownParent = new IntArrayList(64);
        IntArrayList depth = new IntArrayList(64);
        IntArrayList stack = new IntArrayList(64);
        IntArrayList stackParent = new IntArrayList(64);
        IntArrayList stackDepth = new IntArrayList(64);
        pushChildren(tree.children(-1, top), -1, 0, stack, stackParent, stackDepth);
        while (stack.size() > 0) {
            int last = stack.size() - 1;
            int node = stack.get(last);
            int parentPosition = stackParent.get(last);
            int d = stackDepth.get(last);
            stack.truncate(last);
            stackParent.truncate(last);
            stackDepth.truncate(last);
            int position = shown.size();
            shown.add(node);
            shownParent.add(parentPosition);
            depth.add(d);
            pushChildren(tree.children(node, top), position, d + 1, stack, stackParent, stackDepth);
        }
        long t = System.nanoTime();
        ObjectInspector inspector = load(tree, shown);
        io.leakscan.util.StepTimes.record("reference names (one pass)", t);
        List<PathsReport.Node> nodes = new ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            int node = shown.get(i);
            int o = tree.object(node);
            int parent = tree.parent(node);
            int listed = limit(tree.childCount(node));
            long omitted = tree.childrenTargets(node);
            for (int k : tree.children(node, top)) {
                omitted -= tree.targets(k);
            }
            nodes.add(new PathsReport.Node(i, shownParent.get(i), depth.get(i), label(inspector, o),
                    ObjectRefs.of(analysis, o), parent < 0 ? null : inspector.referenceName(tree.object(parent), o),
                    parent < 0 ? ObjectRefs.gcRootKinds(snapshot, o) : List.of(), tree.targets(node),
                    tree.targetShallowBytes(node), tree.targetRetainedBytes(node), tree.childCount(node) - listed, omitted));
        }
        long omittedRoots = tree.childrenTargets(-1);
        for (int k : tree.children(-1, top)) {
            omittedRoots -= tree.targets(k);
        }
        return new PathsReport(PathsReport.SCHEMA_VERSION, displayPath, className, subclasses, includeWeak,
                targets.length, tree.unreachedTargets(), tree.childCount(-1) - limit(tree.childCount(-1)), omittedRoots, nodes);
    }

    private int limit(int available) {
        return top <= 0 ? available : Math.min(top, available);
    }

    private void pushChildren(int[] kids, int parentPosition, int d, IntArrayList stack, IntArrayList stackParent,
            IntArrayList stackDepth) {
        // pushed last to first so that the biggest branch is listed first
        for (int k = limit(kids.length) - 1; k >= 0; k--) {
            stack.add(kids[k]);
            stackParent.add(parentPosition);
            stackDepth.add(d);
        }
    }

    private ObjectInspector load(PathTree tree, IntArrayList shown) {
        ObjectInspector inspector = new ObjectInspector(snapshot);
        Set<Integer> sources = new LinkedHashSet<>();
        Set<Integer> threads = new LinkedHashSet<>();
        for (int i = 0; i < shown.size(); i++) {
            int node = shown.get(i);
            if (tree.parent(node) >= 0) {
                sources.add(tree.object(tree.parent(node)));
            }
            if (inspector.isThread(tree.object(node))) {
                threads.add(tree.object(node));
            }
        }
        inspector.loadWithThreadNames(sources, threads);
        return inspector;
    }

    private String label(ObjectInspector inspector, int o) {
        if (inspector.isThread(o)) {
            String name = inspector.threadName(o);
            if (name != null) {
                String cls = snapshot.classes().name(snapshot.classIndexOf(o));
                return cls + " \"" + name + "\" @ 0x" + Long.toHexString(snapshot.objectId(o));
            }
        }
        return snapshot.describe(o);
    }
}

package io.leakscan.bench.harness;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import shark.CloseableHeapGraph;
import shark.HeapGraph;
import shark.HeapObject;
import shark.HprofHeapGraph;
import shark.HprofIndex;
import shark.internal.ObjectDominators;

/**
 * LeakCanary's Shark 2.14 computing what leakscan computes: the dominator tree of the whole heap and the
 * retained size of every object. Usage: {@code SharkRetained DUMP OUT.tsv [--objects ADDRESSES] [--top N]}.
 *
 * <p>Shark 2.14 has one way to get the full dominator tree: {@code shark.internal.ObjectDominators}, whose
 * public {@code renderDominatorTree(graph, ignoredRefs, minRetainedSize, ...)} builds the tree for every
 * object reachable from the GC roots (a breadth-first {@code PathFinder} run with dominator tracking, then
 * {@code DominatorTree.buildFullDominatorTree} with retained sizes and counts) and renders it as text. The
 * rendering only prints nodes, so this program calls the same builder that method calls,
 * {@code buildDominatorTree(graph, ignoredRefs)} (private, reached by reflection), with no ignored
 * references, and reads the retained size of every node from the map it returns. Shark has no per-class
 * retained size; the per-class rows give instances and Shark's shallow sizes of everything in the dump.
 */
public final class SharkRetained {
    private SharkRetained() {
    }

    public static void main(String[] argv) throws Exception {
        ResultFile.Args args = ResultFile.Args.parse("SharkRetained", argv);
        ResultFile result = ResultFile.create("shark", args.dump());
        result.meta("version", "shark " + Versions.of(HeapGraph.class));
        long t0 = System.nanoTime();

        try (CloseableHeapGraph graph = HprofHeapGraph.Companion.openHeapGraph(args.dump().toFile(), null,
                HprofIndex.Companion.defaultIndexedGcRootTags())) {
            result.meta("seconds.open", ResultFile.secondsSince(t0));
            log("indexed: " + graph.getObjectCount() + " objects, " + result.meta.get("seconds.open") + " s");

            long t1 = System.nanoTime();
            Method build = ObjectDominators.class.getDeclaredMethod("buildDominatorTree", HeapGraph.class, List.class);
            build.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<Long, ObjectDominators.DominatorNode> tree =
                    (Map<Long, ObjectDominators.DominatorNode>) build.invoke(new ObjectDominators(), graph, List.of());
            result.meta("seconds.retained", ResultFile.secondsSince(t1));
            ObjectDominators.DominatorNode root = tree.get(0L);
            log("dominator tree and retained sizes of " + (tree.size() - 1) + " objects: "
                    + result.meta.get("seconds.retained") + " s");

            long t2 = System.nanoTime();
            for (Iterator<HeapObject.HeapClass> it = graph.getClasses().iterator(); it.hasNext(); ) {
                result.row(it.next().getName()); // classes without instances get a row too, as in the others
            }
            long objects = 0;
            long bytes = 0;
            for (Iterator<HeapObject> it = graph.getObjects().iterator(); it.hasNext(); ) {
                HeapObject o = it.next();
                long size = shallow(o);
                result.row(className(o)).add(1, size);
                objects++;
                bytes += size;
            }
            result.meta("seconds.histogram", ResultFile.secondsSince(t2));
            result.meta("objects", objects);
            result.meta("bytes", bytes);
            result.meta("reachable", tree.size() - 1);
            result.meta("rootRetained", root == null ? 0 : root.getRetainedSize());
            result.meta("rootRetainedCount", root == null ? 0 : root.getRetainedCount());
            result.meta("topLevelDominators", root == null ? 0 : root.getDominatedObjectIds().size());
            result.meta("classes", graph.getClassCount());
            result.meta("gcRoots", graph.getGcRoots().size());

            Set<Long> topLevel = root == null ? Set.of() : new HashSet<>(root.getDominatedObjectIds());
            PriorityQueue<Map.Entry<Long, ObjectDominators.DominatorNode>> biggest =
                    new PriorityQueue<>(Comparator.comparingInt(e -> e.getValue().getRetainedSize()));
            for (Map.Entry<Long, ObjectDominators.DominatorNode> e : tree.entrySet()) {
                if (e.getKey() == 0L) {
                    continue;
                }
                biggest.add(e);
                if (biggest.size() > args.top()) {
                    biggest.poll();
                }
            }
            List<Map.Entry<Long, ObjectDominators.DominatorNode>> sorted = new ArrayList<>(biggest);
            sorted.sort(Comparator.comparingInt((Map.Entry<Long, ObjectDominators.DominatorNode> e)
                    -> e.getValue().getRetainedSize()).reversed());
            for (Map.Entry<Long, ObjectDominators.DominatorNode> e : sorted) {
                result.top.add(row(graph, e.getKey(), e.getValue(), topLevel));
            }
            for (long id : ResultFile.readAddresses(args.objects())) {
                ObjectDominators.DominatorNode node = tree.get(id);
                if (node != null) {
                    result.objects.put(id, row(graph, id, node, topLevel));
                } else {
                    HeapObject o = graph.findObjectByIdOrNull(id);
                    result.objects.put(id, new ResultFile.ObjectRow(id,
                            o == null ? "<absent>" : className(o) + " (not in the tree)", o == null ? 0 : shallow(o), 0,
                            ResultFile.NONE));
                }
            }
            if (root != null) {
                for (long id : root.getDominatedObjectIds()) {
                    result.roots.put(id, new ResultFile.ObjectRow(id, className(graph.findObjectById(id)), 0,
                            tree.get(id).getRetainedSize(), "yes"));
                }
            }
            result.meta("seconds.total", ResultFile.secondsSince(t0));
            result.write(args.out());
            log("done in " + result.meta.get("seconds.total") + " s: " + objects + " objects in the dump, "
                    + (tree.size() - 1) + " in the dominator tree");
        }
    }

    private static ResultFile.ObjectRow row(HeapGraph graph, long id, ObjectDominators.DominatorNode node, Set<Long> topLevel) {
        return new ResultFile.ObjectRow(id, className(graph.findObjectById(id)), node.getShallowSize(),
                node.getRetainedSize(), topLevel.contains(id) ? "yes" : "no");
    }

    /** Class objects count as instances of java.lang.Class, as in leakscan's (and MAT's) histogram. */
    static String className(HeapObject o) {
        if (o instanceof HeapObject.HeapInstance i) {
            return ResultFile.normalizeClassName(i.getInstanceClassName());
        } else if (o instanceof HeapObject.HeapObjectArray a) {
            return ResultFile.normalizeClassName(a.getArrayClassName());
        } else if (o instanceof HeapObject.HeapPrimitiveArray p) {
            return ResultFile.normalizeClassName(p.getArrayClassName());
        }
        return "java.lang.Class";
    }

    /**
     * Shark's own sizes: the fields of an instance as the class dump declares them (no object header), the
     * elements of an array (no header), the class record for a class. These are the sizes its dominator tree
     * adds up, except that there a String also counts its value array and a boxed-number array its boxes.
     */
    static long shallow(HeapObject o) {
        if (o instanceof HeapObject.HeapInstance i) {
            return i.getByteSize();
        } else if (o instanceof HeapObject.HeapObjectArray a) {
            return a.getByteSize();
        } else if (o instanceof HeapObject.HeapPrimitiveArray p) {
            return p.getByteSize();
        }
        return ((HeapObject.HeapClass) o).getRecordSize();
    }

    static void log(String message) {
        System.err.println("shark: " + message);
    }
}

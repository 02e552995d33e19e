package io.leakscan.analysis;

import io.leakscan.heap.HeapClassTable;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.util.IntArrayList;

/**
 * The reachable instances of one class (or of a class and its subclasses), biggest retained size
 * first, with their count and shallow total. Class objects count as instances of {@code java.lang.Class},
 * as in MAT's histogram. Cost: one scan over the objects' class indices, O(objects), plus sorting the
 * instances; memory 4 bytes per instance found. Stateless; thread-safe.
 */
public final class ClassInstances {
    /**
     * @param classIndices  the classes asked for (one, or a class and its subclasses)
     * @param instances     their reachable instances, biggest retained size first
     * @param shallowBytes  sum of the instances' shallow sizes
     */
    public record Result(int[] classIndices, int[] instances, long shallowBytes) {
    }

    private ClassInstances() {
    }

    /** Class indices with this exact name (a dump may load one name through several loaders). */
    public static int[] named(HeapClassTable classes, String name, boolean withSubclasses) {
        IntArrayList exact = new IntArrayList(2);
        for (int c = 0; c < classes.count(); c++) {
            if (classes.name(c).equals(name)) {
                exact.add(c);
            }
        }
        if (!withSubclasses || exact.size() == 0) {
            return exact.toArray();
        }
        IntArrayList all = new IntArrayList(8);
        for (int c = 0; c < classes.count(); c++) {
            for (int i = 0; i < exact.size(); i++) {
                if (classes.isSubclassOf(c, exact.get(i))) {
                    all.add(c);
                    break;
                }
            }
        }
        return all.toArray();
    }

    public static Result of(HeapAnalysis a, int[] classIndices) {
        HeapSnapshot s = a.snapshot();
        boolean[] wanted = new boolean[s.classes().count()];
        for (int c : classIndices) {
            wanted[c] = true;
        }
        int[] classOf = s.graph().classIndexOf();
        IntArrayList found = new IntArrayList(64);
        long shallow = 0;
        DominatorTree tree = a.dominatorTree();
        for (int o = 0; o < classOf.length; o++) {
            if (wanted[classOf[o]] && tree.isReachable(o)) {
                found.add(o);
                shallow += s.shallowBytes(o);
            }
        }
        int[] instances = found.toArray();
        RetainedOrder.biggestFirst(a, instances);
        return new Result(classIndices, instances, shallow);
    }
}

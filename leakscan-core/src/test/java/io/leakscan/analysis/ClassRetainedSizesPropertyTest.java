package io.leakscan.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.heap.HeapGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Per-class retained sizes equal MAT's literal definition (mark from the roots around the set) on random graphs. */
class ClassRetainedSizesPropertyTest {

    @Property(tries = 300)
    void equalsTheLiteralDefinition(@ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int nodes,
            @ForAll @IntRange(min = 1, max = 4) int edgesPerNode, @ForAll @IntRange(min = 1, max = 6) int classes) {
        Random rnd = new Random(seed);
        HeapGraph g0 = DominatorTreePropertyTest.randomGraph(rnd, nodes, edgesPerNode, classes);
        // As in a heap, each class has its own class object (distinct nodes).
        int[] classObject = g0.classObjectIndex().clone();
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int c = 1; c < classObject.length; c++) {
            while (!used.add(classObject[c])) {
                classObject[c] = rnd.nextInt(nodes);
                if (used.size() >= nodes) {
                    classObject[c] = -1;
                    break;
                }
            }
        }
        HeapGraph g = new HeapGraph(nodes, g0.outStart(), g0.out(), g0.classIndexOf(), classObject, g0.rootObjects());
        long[] shallow = new long[nodes];
        for (int i = 0; i < nodes; i++) {
            shallow[i] = 1 + rnd.nextInt(100);
        }
        DominatorTree tree = DominatorTree.compute(g);
        RetainedSizes retained = RetainedSizes.compute(tree, i -> shallow[i]);
        DominatorChildren dom = DominatorChildren.build(tree, retained);
        ShortestPaths bfs = ShortestPaths.compute(g);
        long[] byClass = ClassRetainedSizes.compute(g, tree, dom, bfs, retained, i -> shallow[i]);

        for (int c = 0; c < g.classObjectIndex().length; c++) {
            List<Integer> set = new ArrayList<>();
            int co = g.classObjectIndex()[c];
            if (co >= 0 && tree.isReachable(co)) {
                set.add(co);
            }
            for (int v = 0; v < nodes; v++) {
                if (g.classIndexOf()[v] == c && tree.isReachable(v) && v != co) {
                    set.add(v);
                }
            }
            long expected = set.isEmpty() ? 0
                    : ClassRetainedSizes.retainedBySet(g, tree, set.stream().mapToInt(Integer::intValue).toArray(),
                            i -> shallow[i]);
            assertThat(byClass[c]).as("class %d (seed %d)", c, seed).isEqualTo(expected);
        }
    }
}

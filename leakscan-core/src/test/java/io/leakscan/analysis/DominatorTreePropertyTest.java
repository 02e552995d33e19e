package io.leakscan.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.heap.HeapGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Checks the Lengauer–Tarjan tree against a brute-force definition of dominance on random graphs. */
class DominatorTreePropertyTest {

    @Property(tries = 400)
    void matchesBruteForceOnRandomGraphs(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int nodes,
            @ForAll @IntRange(min = 0, max = 4) int edgesPerNode, @ForAll @IntRange(min = 0, max = 3) int classes) {
        HeapGraph g = randomGraph(new Random(seed), nodes, edgesPerNode, classes);
        DominatorTree tree = DominatorTree.compute(g);
        int[] expected = bruteForceIdom(g);
        for (int v = 0; v < nodes; v++) {
            assertThat(tree.immediateDominator(v)).as("idom of %d (seed %d)", v, seed).isEqualTo(expected[v]);
        }
    }

    @Property(tries = 100)
    void retainedSizeIsSumOfDominatedShallowSizes(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int nodes) {
        Random rnd = new Random(seed);
        HeapGraph g = randomGraph(rnd, nodes, 2, 1);
        long[] shallow = new long[nodes];
        for (int i = 0; i < nodes; i++) {
            // Some objects of 1 GiB and more, so that sums pass 2 GiB and take RetainedSizes' side table.
            shallow[i] = rnd.nextInt(4) == 0 ? (1L << 30) + rnd.nextInt(1000) : 1 + rnd.nextInt(1000);
        }
        DominatorTree tree = DominatorTree.compute(g);
        RetainedSizes retained = RetainedSizes.compute(tree, i -> shallow[i]);
        DominatorChildren children = DominatorChildren.build(tree, retained);
        int[] idom = bruteForceIdom(g);
        for (int v = 0; v < nodes; v++) {
            long sum = 0;
            if (idom[v] != DominatorTree.UNREACHABLE) {
                for (int x = 0; x < nodes; x++) {
                    if (isAncestorOrSelf(idom, v, x)) {
                        sum += shallow[x];
                    }
                }
            }
            assertThat(retained.bytes(v)).as("retained of %d", v).isEqualTo(sum);
        }
        // The biggest immediately dominated object (ties: lowest index), read off the Euler order.
        for (int v = 0; v < nodes; v++) {
            int best = -1;
            for (int x = 0; x < nodes; x++) {
                if (idom[x] == v && (best < 0 || retained.bytes(x) > retained.bytes(best))) {
                    best = x;
                }
            }
            assertThat(children.firstChild(v)).as("biggest child of %d (seed %d)", v, seed).isEqualTo(best);
        }
    }

    @Test
    void longChainDoesNotOverflowTheStack() {
        int n = 10_000_000;
        int[] outStart = new int[n + 1];
        int[] out = new int[n - 1];
        for (int i = 0; i < n - 1; i++) {
            outStart[i] = i;
            out[i] = i + 1;
        }
        outStart[n - 1] = n - 1;
        outStart[n] = n - 1;
        HeapGraph g = new HeapGraph(n, outStart, out, new int[n], new int[] {-1}, new int[] {0});
        DominatorTree tree = DominatorTree.compute(g);
        assertThat(tree.reachableCount()).isEqualTo(n);
        assertThat(tree.immediateDominator(n - 1)).isEqualTo(n - 2);
        RetainedSizes retained = RetainedSizes.compute(tree, i -> 8);
        assertThat(retained.bytes(0)).isEqualTo(8L * n);
    }

    private static boolean isAncestorOrSelf(int[] idom, int ancestor, int x) {
        for (int v = x; v >= 0; v = idom[v]) {
            if (v == ancestor) {
                return true;
            }
        }
        return false;
    }

    static HeapGraph randomGraph(Random rnd, int nodes, int edgesPerNode, int classes) {
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            List<Integer> list = new ArrayList<>();
            int m = rnd.nextInt(edgesPerNode + 1);
            for (int j = 0; j < m; j++) {
                list.add(rnd.nextInt(nodes));
            }
            adj.add(list);
        }
        int[] outStart = new int[nodes + 1];
        int total = 0;
        for (int i = 0; i < nodes; i++) {
            outStart[i] = total;
            total += adj.get(i).size();
        }
        outStart[nodes] = total;
        int[] out = new int[total];
        for (int i = 0, p = 0; i < nodes; i++) {
            for (int t : adj.get(i)) {
                out[p++] = t;
            }
        }
        int[] classObject = new int[classes + 1];
        classObject[0] = -1;
        for (int c = 1; c <= classes; c++) {
            classObject[c] = rnd.nextInt(nodes);
        }
        int[] classOf = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            classOf[i] = rnd.nextInt(classes + 1);
        }
        int rootCount = 1 + rnd.nextInt(Math.max(1, nodes / 5));
        int[] roots = new int[rootCount];
        for (int i = 0; i < rootCount; i++) {
            roots[i] = rnd.nextInt(nodes);
        }
        return new HeapGraph(nodes, outStart, out, classOf, classObject, roots);
    }

    /** idom by definition: d dominates v iff v is unreachable once d is removed. */
    static int[] bruteForceIdom(HeapGraph g) {
        int n = g.objectCount();
        boolean[] reachable = reach(g, -1);
        boolean[][] dominatedBy = new boolean[n][];
        for (int d = 0; d < n; d++) {
            dominatedBy[d] = reach(g, d);
        }
        int[] idom = new int[n];
        Arrays.fill(idom, DominatorTree.UNREACHABLE);
        for (int v = 0; v < n; v++) {
            if (!reachable[v]) {
                continue;
            }
            // strict dominators of v; the immediate one is dominated by all the others
            int best = DominatorTree.VIRTUAL_ROOT;
            int bestCount = -1;
            for (int d = 0; d < n; d++) {
                if (d != v && reachable[d] && !dominatedBy[d][v]) {
                    int count = 0;
                    for (int d2 = 0; d2 < n; d2++) {
                        if (d2 != d && reachable[d2] && !dominatedBy[d2][d]) {
                            count++;
                        }
                    }
                    if (count > bestCount) {
                        bestCount = count;
                        best = d;
                    }
                }
            }
            idom[v] = best;
        }
        return idom;
    }

    /** Objects reachable from the roots without passing through {@code removed}. */
    private static boolean[] reach(HeapGraph g, int removed) {
        int n = g.objectCount();
        boolean[] seen = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int r : g.rootObjects()) {
            if (r != removed && !seen[r]) {
                seen[r] = true;
                queue.add(r);
            }
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            int c = g.classObjectOf(v);
            if (c >= 0 && c != removed && !seen[c]) {
                seen[c] = true;
                queue.add(c);
            }
            for (int e = g.outStart()[v]; e < g.outStart()[v + 1]; e++) {
                int t = g.out()[e];
                if (t != removed && !seen[t]) {
                    seen[t] = true;
                    queue.add(t);
                }
            }
        }
        return seen;
    }
}

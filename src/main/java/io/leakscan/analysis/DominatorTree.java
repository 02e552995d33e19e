package io.leakscan.analysis;

import io.leakscan.heap.HeapGraph;
import java.util.Arrays;

/**
 * The exact dominator tree of a heap graph whose virtual root points at every GC root, computed with
 * Lengauer–Tarjan (path compression, iterative throughout: a chain of ten million objects must not
 * overflow a thread stack).
 *
 * <p>Written by hand because it is the core of the tool and must run on primitive arrays: no object
 * per heap object, no recursion, and cost O((objects + references) · log objects) worst case, close to
 * linear in practice.
 *
 * <p>Memory while computing: about 36 bytes per object plus 4 per reference (the predecessor lists),
 * released on return; the result keeps 8 bytes per object ({@code idom} and the DFS order).
 * Immutable after construction; thread-safe to read.
 */
public final class DominatorTree {
    /** Marker in {@link #immediateDominator(int)} for objects dominated by the virtual root only. */
    public static final int VIRTUAL_ROOT = -1;
    /** Marker in {@link #immediateDominator(int)} for objects not reachable from any GC root. */
    public static final int UNREACHABLE = -2;

    private final int[] idom;
    private final int[] preorder;

    private DominatorTree(int[] idom, int[] preorder) {
        this.idom = idom;
        this.preorder = preorder;
    }

    /** Immediate dominator object index of {@code objectIndex}, {@link #VIRTUAL_ROOT} or {@link #UNREACHABLE}. */
    public int immediateDominator(int objectIndex) {
        return idom[objectIndex];
    }

    /** The idom array itself (shared, do not modify). */
    public int[] immediateDominators() {
        return idom;
    }

    /**
     * Reachable objects in depth-first preorder from the virtual root; every object comes after its
     * dominator, so a reverse walk accumulates subtree sums bottom-up. Shared, do not modify.
     */
    public int[] preorder() {
        return preorder;
    }

    /** Number of objects reachable from the GC roots. */
    public int reachableCount() {
        return preorder.length;
    }

    /** True when {@code objectIndex} is reachable from some GC root. */
    public boolean isReachable(int objectIndex) {
        return idom[objectIndex] != UNREACHABLE;
    }

    /** Computes the tree. Reads only the graph; allocates its working arrays and frees them on return. */
    public static DominatorTree compute(HeapGraph g) {
        final int n = g.objectCount();
        final int[] outStart = g.outStart();
        final int[] out = g.out();
        final int[] classIndexOf = g.classIndexOf();
        final int[] classObject = g.classObjectIndex();

        // ---- 1. Iterative DFS from the virtual root (number 0); objects get numbers 1..k-1.
        final int[] dfnum = new int[n];
        Arrays.fill(dfnum, -1);
        int[] vertex = new int[n + 1];
        int[] parent = new int[n + 1];
        vertex[0] = -1;
        parent[0] = -1;
        int k = 1;
        {
            int[] stackNode = new int[Math.max(16, n)];
            int[] stackEdge = new int[Math.max(16, n)];
            for (int r : g.rootObjects()) {
                if (dfnum[r] != -1) {
                    continue;
                }
                dfnum[r] = k;
                vertex[k] = r;
                parent[k] = 0;
                k++;
                int sp = 0;
                stackNode[0] = r;
                stackEdge[0] = -1; // -1: the implicit class edge is next
                while (sp >= 0) {
                    int v = stackNode[sp];
                    int e = stackEdge[sp];
                    int w = -1;
                    if (e == -1) {
                        e = outStart[v];
                        w = classObject[classIndexOf[v]];
                        if (w >= 0 && dfnum[w] != -1) {
                            w = -1;
                        }
                    }
                    if (w < 0) {
                        int end = outStart[v + 1];
                        while (e < end) {
                            int t = out[e++];
                            if (dfnum[t] == -1) {
                                w = t;
                                break;
                            }
                        }
                    }
                    stackEdge[sp] = e;
                    if (w < 0) {
                        sp--;
                        continue;
                    }
                    dfnum[w] = k;
                    vertex[k] = w;
                    parent[k] = dfnum[v];
                    k++;
                    sp++;
                    stackNode[sp] = w;
                    stackEdge[sp] = -1;
                }
            }
        }

        // ---- 2. Predecessor lists (reachable part only), in DFS-number space.
        int[] predStart = new int[k + 1];
        for (int vn = 1; vn < k; vn++) {
            int v = vertex[vn];
            int c = classObject[classIndexOf[v]];
            if (c >= 0) {
                predStart[dfnum[c]]++;
            }
            for (int e = outStart[v], end = outStart[v + 1]; e < end; e++) {
                predStart[dfnum[out[e]]]++;
            }
        }
        for (int i = 0, sum = 0; i <= k; i++) {
            int c = i < k ? predStart[i] : 0;
            predStart[i] = sum;
            sum += c;
        }
        int[] pred = new int[predStart[k]];
        {
            int[] fill = Arrays.copyOf(predStart, k);
            for (int vn = 1; vn < k; vn++) {
                int v = vertex[vn];
                int c = classObject[classIndexOf[v]];
                if (c >= 0) {
                    pred[fill[dfnum[c]]++] = vn;
                }
                for (int e = outStart[v], end = outStart[v + 1]; e < end; e++) {
                    pred[fill[dfnum[out[e]]]++] = vn;
                }
            }
        }
        boolean[] isRoot = new boolean[k];
        for (int r : g.rootObjects()) {
            isRoot[dfnum[r]] = true;
        }

        // ---- 3. Lengauer–Tarjan in number space. The forest of the eval/link steps lives in one array,
        // three ints per vertex — ancestor, label, and the semidominator number of that label — so that
        // path compression, the hot loop, touches one cache line per vertex instead of three arrays.
        int[] semi = new int[k];
        int[] forest = new int[3 * k];
        int[] dom = new int[k];
        int[] bucketHead = new int[k];
        int[] bucketNext = new int[k];
        int[] compressStack = new int[Math.max(16, k)];
        for (int i = 0; i < k; i++) {
            semi[i] = i;
            forest[3 * i] = -1;
            forest[3 * i + 1] = i;
            forest[3 * i + 2] = i;
            bucketHead[i] = -1;
        }
        for (int w = k - 1; w >= 1; w--) {
            int s = semi[w];
            if (isRoot[w]) {
                s = 0;
            }
            for (int p = predStart[w], end = predStart[w + 1]; p < end; p++) {
                int vn = pred[p];
                eval(vn, forest, compressStack);
                int su = forest[3 * vn + 2];
                if (su < s) {
                    s = su;
                }
            }
            semi[w] = s;
            forest[3 * w + 2] = s; // w's label is still w itself
            bucketNext[w] = bucketHead[s];
            bucketHead[s] = w;
            int pw = parent[w];
            forest[3 * w] = pw;
            for (int v = bucketHead[pw]; v != -1; v = bucketNext[v]) {
                int u = eval(v, forest, compressStack);
                dom[v] = forest[3 * v + 2] < semi[v] ? u : pw;
            }
            bucketHead[pw] = -1;
        }
        for (int w = 1; w < k; w++) {
            if (dom[w] != semi[w]) {
                dom[w] = dom[dom[w]];
            }
        }

        // ---- 4. Back to object indices.
        int[] idom = new int[n];
        Arrays.fill(idom, UNREACHABLE);
        int[] preorder = new int[k - 1];
        for (int w = 1; w < k; w++) {
            int v = vertex[w];
            preorder[w - 1] = v;
            int d = dom[w];
            idom[v] = d == 0 ? VIRTUAL_ROOT : vertex[d];
        }
        return new DominatorTree(idom, preorder);
    }

    /**
     * Lengauer–Tarjan's EVAL with path compression over {@code forest} (ancestor, label, semi of label per
     * vertex): returns the label of {@code v}, the vertex of smallest semidominator on its forest path,
     * and leaves that semidominator number in {@code forest[3v + 2]}.
     */
    private static int eval(int v, int[] forest, int[] stack) {
        if (forest[3 * v] == -1) {
            return v;
        }
        // Iterative path compression: collect the chain, then fold labels from the top down.
        int sp = 0;
        int u = v;
        while (forest[3 * forest[3 * u]] != -1) {
            stack[sp++] = u;
            u = forest[3 * u];
        }
        while (sp > 0) {
            int x = stack[--sp];
            int a = forest[3 * x];
            if (forest[3 * a + 2] < forest[3 * x + 2]) {
                forest[3 * x + 1] = forest[3 * a + 1];
                forest[3 * x + 2] = forest[3 * a + 2];
            }
            forest[3 * x] = forest[3 * a];
        }
        return forest[3 * v + 1];
    }
}

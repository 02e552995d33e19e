package io.leakscan.analysis;

import io.leakscan.heap.HeapGraph;
import io.leakscan.util.Limits;
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
 * <p>Memory while computing, on top of the graph: 32 bytes per reachable object plus 4 per reference
 * (the predecessor lists) at the peak, Lengauer–Tarjan's step 3; arrays are reused in place and each is
 * dropped as soon as its last reader is done (docs/memory.md). The result keeps 4 bytes per object
 * ({@code idom}) and, until {@link #withoutOrder()}, the 4-byte depth-first order. Immutable;
 * thread-safe to read.
 */
public final class DominatorTree {
    /** Marker in {@link #immediateDominator(int)} for objects dominated by the virtual root only. */
    public static final int VIRTUAL_ROOT = -1;
    /** Marker in {@link #immediateDominator(int)} for objects not reachable from any GC root. */
    public static final int UNREACHABLE = -2;

    private final int[] idom;
    private final int reachable;
    /** Reachable objects in depth-first preorder at positions 1..reachable (position 0 unused), or null. */
    private final int[] dfsOrder;

    private DominatorTree(int[] idom, int reachable, int[] dfsOrder) {
        this.idom = idom;
        this.reachable = reachable;
        this.dfsOrder = dfsOrder;
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
     * Reachable objects in depth-first preorder at positions {@code 1..reachableCount()}: every object
     * comes after its dominator, so a reverse walk accumulates subtree sums bottom-up. Only until
     * {@link #withoutOrder()}; later, {@link DominatorChildren#byEntry()} is a top-down order too.
     */
    int[] dfsOrder() {
        if (dfsOrder == null) {
            throw new IllegalStateException("the depth-first order was released");
        }
        return dfsOrder;
    }

    /** The same tree without its depth-first order (4 bytes per object less), once nothing needs it. */
    public DominatorTree withoutOrder() {
        return new DominatorTree(idom, reachable, null);
    }

    /** Number of objects reachable from the GC roots. */
    public int reachableCount() {
        return reachable;
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
        int[] dfnum = new int[n];
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

        // ---- 2. Predecessor lists (reachable part only), in DFS-number space. Offsets are counted in a
        // long first: an int sum would wrap silently past 2^31 references.
        int[] predStart = new int[k + 1];
        long predCount = 0;
        for (int vn = 1; vn < k; vn++) {
            int v = vertex[vn];
            int c = classObject[classIndexOf[v]];
            if (c >= 0) {
                predStart[dfnum[c]]++;
                predCount++;
            }
            for (int e = outStart[v], end = outStart[v + 1]; e < end; e++) {
                predStart[dfnum[out[e]]]++;
            }
            predCount += outStart[v + 1] - outStart[v];
        }
        Limits.checkArrayLength(predCount, "references between reachable objects (with class edges)");
        for (int i = 0, sum = 0; i <= k; i++) {
            int c = i < k ? predStart[i] : 0;
            predStart[i] = sum;
            sum += c;
        }
        // Each list is filled from its end: predStart[x] then walks down to the list's start, so no second
        // offsets array is needed.
        int[] pred = new int[(int) predCount];
        for (int i = 0; i < k; i++) {
            predStart[i] = predStart[i + 1];
        }
        for (int vn = 1; vn < k; vn++) {
            int v = vertex[vn];
            int c = classObject[classIndexOf[v]];
            if (c >= 0) {
                pred[--predStart[dfnum[c]]] = vn;
            }
            for (int e = outStart[v], end = outStart[v + 1]; e < end; e++) {
                pred[--predStart[dfnum[out[e]]]] = vn;
            }
        }
        long[] isRoot = new long[(k >>> 6) + 1];
        for (int r : g.rootObjects()) {
            int rn = dfnum[r];
            isRoot[rn >>> 6] |= 1L << rn;
        }
        dfnum = null; // no reader left: step 4 maps numbers back through vertex

        // ---- 3. Lengauer–Tarjan in number space. The forest of the eval/link steps is one long per
        // vertex, ancestor in the high half and label in the low half, so that path compression, the hot
        // loop, reads one word per vertex; with semi beside it that is 12 bytes per vertex.
        // Two arrays are reused in place, each slot only once its old meaning is dead:
        // - bucketNext[w] lives in parent[w]: parent[w] is read once, when w is processed, just before;
        // - dom[v] lives in bucketHead[v]: dom[v] is written while w <= v is processed, and the bucket of
        //   v is empty for good once v's child v+1 has been processed (semis are smaller than w from then on).
        int[] semi = new int[k];
        long[] forest = new long[k];
        int[] bucket = new int[k]; // bucket heads, then dom
        int[] bucketNext = parent;
        int[] compressStack = new int[1024];
        for (int i = 0; i < k; i++) {
            semi[i] = i;
            forest[i] = pack(-1, i);
            bucket[i] = -1;
        }
        for (int w = k - 1; w >= 1; w--) {
            int s = semi[w];
            if ((isRoot[w >>> 6] & (1L << w)) != 0) {
                s = 0;
            }
            for (int p = predStart[w], end = predStart[w + 1]; p < end; p++) {
                int vn = pred[p];
                if (forest[vn] >>> 32 != NO_ANCESTOR) {
                    compressStack = compress(vn, forest, semi, compressStack);
                }
                int su = semi[label(forest[vn])];
                if (su < s) {
                    s = su;
                }
            }
            semi[w] = s;
            int pw = parent[w];
            bucketNext[w] = bucket[s];
            bucket[s] = w;
            forest[w] = pack(pw, label(forest[w]));
            for (int v = bucket[pw]; v != -1; ) {
                int next = bucketNext[v];
                int u = v;
                if (forest[v] >>> 32 != NO_ANCESTOR) {
                    compressStack = compress(v, forest, semi, compressStack);
                    u = label(forest[v]);
                }
                bucket[v] = semi[u] < semi[v] ? u : pw; // dom[v]
                v = next;
            }
            bucket[pw] = -1;
        }
        int[] dom = bucket;
        for (int w = 1; w < k; w++) {
            if (dom[w] != semi[w]) {
                dom[w] = dom[dom[w]];
            }
        }
        semi = null;
        forest = null;
        pred = null;
        predStart = null;
        parent = null;
        bucketNext = null;

        // ---- 4. Back to object indices. vertex stays as the depth-first order.
        int[] idom = new int[n];
        Arrays.fill(idom, UNREACHABLE);
        for (int w = 1; w < k; w++) {
            int d = dom[w];
            idom[vertex[w]] = d == 0 ? VIRTUAL_ROOT : vertex[d];
        }
        return new DominatorTree(idom, k - 1, vertex);
    }

    private static final long NO_ANCESTOR = 0xFFFF_FFFFL;

    private static long pack(int ancestor, int label) {
        return ((long) ancestor << 32) | (label & 0xFFFF_FFFFL);
    }

    private static int label(long node) {
        return (int) node;
    }

    private static int ancestor(long node) {
        return (int) (node >> 32);
    }

    /**
     * Lengauer–Tarjan's EVAL with path compression over {@code forest} (ancestor and label per vertex),
     * for a vertex that has an ancestor: afterwards {@code label(forest[v])} is the vertex of smallest
     * semidominator on v's forest path (its tree root excluded). Iterative; returns the stack, grown if
     * the path was longer than it.
     */
    private static int[] compress(int v, long[] forest, int[] semi, int[] stack) {
        int sp = 0;
        int u = v;
        while (forest[ancestor(forest[u])] >>> 32 != NO_ANCESTOR) {
            if (sp == stack.length) {
                stack = Arrays.copyOf(stack, sp * 2);
            }
            stack[sp++] = u;
            u = ancestor(forest[u]);
        }
        while (sp > 0) {
            int x = stack[--sp];
            long fx = forest[x];
            long fa = forest[ancestor(fx)];
            int lx = label(fx);
            int la = label(fa);
            forest[x] = pack(ancestor(fa), semi[la] < semi[lx] ? la : lx);
        }
        return stack;
    }
}

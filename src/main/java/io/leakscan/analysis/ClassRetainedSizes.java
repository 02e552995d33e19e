package io.leakscan.analysis;

import io.leakscan.heap.HeapGraph;
import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Exact retained size of each class as MAT's histogram shows it: the retained set of the class object
 * together with all its instances — what would be freed if all of them went away at once. That is
 * more than the sum of the instances' own retained sizes whenever they share objects (two Strings
 * sharing one char[]), so it cannot be read off the dominator tree alone.
 *
 * <p>Per class, the dominated part is read off the tree (the subtrees of the members that no other
 * member dominates). Objects held by the members together but by none alone can only lie in the
 * region those subtrees lead to: the region is collected (within a budget) and a greatest fixpoint
 * over inbound references decides which of its objects only the members hold. Beyond the budget,
 * MAT's own method decides: mark everything reachable from the GC roots without passing through
 * the members. Exact in every case; the usual cost is one scan of each class's dominated subtrees.
 *
 * <p>Stateless; thread-safe.
 */
public final class ClassRetainedSizes {
    private ClassRetainedSizes() {
    }

    /**
     * @param memberStart  CSR offsets by class index into {@code members}
     * @param members      reachable members of each class (class object + instances), in Euler entry order
     * @return retained bytes by class index
     */
    public static long[] compute(HeapGraph g, DominatorTree tree, DominatorChildren dom, Predecessors preds,
            long[] retained, IntToLongFunction shallow, boolean[] isRoot, int[] memberStart, int[] members) {
        int classCount = memberStart.length - 1;
        long[] result = new long[classCount];
        int n = g.objectCount();
        int[] stamp = new int[n];
        int[] candidateStamp = new int[n];
        int[] topEntry = new int[16];
        int[] topExit = new int[16];
        int[] candidates = new int[16];
        int[] outStart = g.outStart();
        int[] out = g.out();
        int[] byEntry = dom.byEntry();
        int[] idom = tree.immediateDominators();
        int[] killed = new int[n];
        int[] work = new int[64];
        int budget = Math.max(50_000, n / 4);
        Marker marker = null;
        for (int c = 0; c < classCount; c++) {
            int from = memberStart[c];
            int to = memberStart[c + 1];
            int size = to - from;
            if (size == 0) {
                continue;
            }
            if (size == 1) {
                result[c] = retained[members[from]];
                continue;
            }
            int mark = c + 1;
            // Members no other member dominates: their subtrees are disjoint entry ranges.
            int tops = 0;
            long base = 0;
            int lastExit = -1;
            for (int i = from; i < to; i++) {
                int m = members[i];
                int e = dom.entry(m);
                if (e > lastExit) {
                    if (tops == topEntry.length) {
                        topEntry = Arrays.copyOf(topEntry, tops * 2);
                        topExit = Arrays.copyOf(topExit, tops * 2);
                    }
                    topEntry[tops] = e;
                    topExit[tops] = dom.exit(m);
                    lastExit = topExit[tops];
                    tops++;
                    base += retained[m];
                }
                stamp[m] = mark;
            }
            // References leaving the dominated part, to objects that are not roots themselves.
            int candidateCount = 0;
            for (int t = 0; t < tops; t++) {
                int lo = topEntry[t];
                int hi = topExit[t];
                for (int p = lo; p <= hi; p++) {
                    int x = byEntry[p];
                    int target = g.classObjectOf(x);
                    for (int e = outStart[x] - 1, end = outStart[x + 1]; e < end; e++) {
                        if (e >= outStart[x]) {
                            target = out[e];
                        }
                        if (target < 0) {
                            continue;
                        }
                        int te = dom.entry(target);
                        if ((te >= lo && te <= hi) || isRoot[target] || candidateStamp[target] == mark
                                || inTops(te, topEntry, topExit, tops)) {
                            continue;
                        }
                        candidateStamp[target] = mark;
                        if (candidateCount == candidates.length) {
                            candidates = Arrays.copyOf(candidates, candidateCount * 2);
                        }
                        candidates[candidateCount++] = target;
                    }
                }
            }
            if (candidateCount == 0) {
                result[c] = base;
                continue;
            }
            // Everything the members' subtrees lead to outside themselves: only there can more objects
            // be held by the members alone. Bounded; beyond the budget MAT's full marking decides.
            int zCount = candidateCount;
            boolean overBudget = false;
            for (int i = 0; i < zCount && !overBudget; i++) {
                int x = candidates[i];
                int target = g.classObjectOf(x);
                for (int e = outStart[x] - 1, end = outStart[x + 1]; e < end; e++) {
                    if (e >= outStart[x]) {
                        target = out[e];
                    }
                    if (target < 0 || isRoot[target] || candidateStamp[target] == mark
                            || inTops(dom.entry(target), topEntry, topExit, tops)) {
                        continue;
                    }
                    if (zCount >= budget) {
                        overBudget = true;
                        break;
                    }
                    candidateStamp[target] = mark;
                    if (zCount == candidates.length) {
                        candidates = Arrays.copyOf(candidates, zCount * 2);
                    }
                    candidates[zCount++] = target;
                }
            }
            if (overBudget) {
                if (marker == null) {
                    marker = new Marker(g, tree);
                }
                result[c] = marker.retainedBySet(members, from, to, shallow);
                continue;
            }
            // Greatest fixpoint inside that region: an object stays "held only by the members" while every
            // inbound reference comes from the members' subtrees or from region objects still held so.
            int head = 0;
            int tail = zCount;
            if (work.length < zCount * 2 + 16) {
                work = new int[zCount * 2 + 16];
            }
            System.arraycopy(candidates, 0, work, 0, zCount);
            int[] queue = work;
            while (head != tail) {
                int z = queue[head];
                head = head + 1 == queue.length ? 0 : head + 1;
                if (killed[z] == mark) {
                    continue;
                }
                boolean held = true;
                for (int q = preds.start(z), end = preds.end(z); q < end; q++) {
                    int p = preds.at(q);
                    if (candidateStamp[p] == mark ? killed[p] == mark
                            : !inTops(dom.entry(p), topEntry, topExit, tops)) {
                        held = false;
                        break;
                    }
                }
                if (held) {
                    continue;
                }
                killed[z] = mark;
                int target = g.classObjectOf(z);
                for (int e = outStart[z] - 1, end = outStart[z + 1]; e < end; e++) {
                    if (e >= outStart[z]) {
                        target = out[e];
                    }
                    if (target >= 0 && candidateStamp[target] == mark && killed[target] != mark) {
                        queue[tail] = target;
                        tail = tail + 1 == queue.length ? 0 : tail + 1;
                        if (tail == head) {
                            // Grow the ring buffer (rare: many re-checks pending at once).
                            int[] bigger = new int[queue.length * 2];
                            int k = 0;
                            do {
                                bigger[k++] = queue[head];
                                head = head + 1 == queue.length ? 0 : head + 1;
                            } while (head != tail || k == 0);
                            queue = bigger;
                            work = bigger;
                            head = 0;
                            tail = k;
                        }
                    }
                }
            }
            long extra = 0;
            for (int i = 0; i < zCount; i++) {
                int z = candidates[i];
                if (killed[z] != mark) {
                    extra += shallow.applyAsLong(z);
                }
            }
            result[c] = base + extra;
        }
        return result;
    }

    private static boolean inTops(int entry, int[] topEntry, int[] topExit, int tops) {
        if (entry < 0) {
            return false;
        }
        int lo = 0;
        int hi = tops - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (topExit[mid] < entry) {
                lo = mid + 1;
            } else if (topEntry[mid] > entry) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** MAT's definition, literally: what the GC roots cannot reach once the set is taken away. */
    static final class Marker {
        private final HeapGraph g;
        private final DominatorTree tree;
        private final int[] seen;
        private final int[] stack;
        private int epoch;

        Marker(HeapGraph g, DominatorTree tree) {
            this.g = g;
            this.tree = tree;
            this.seen = new int[g.objectCount()];
            this.stack = new int[Math.max(16, tree.reachableCount())];
        }

        long retainedBySet(int[] set, int from, int to, IntToLongFunction shallow) {
            int blocked = ++epoch;
            int visited = ++epoch;
            for (int i = from; i < to; i++) {
                seen[set[i]] = blocked;
            }
            int[] outStart = g.outStart();
            int[] out = g.out();
            int sp = 0;
            for (int r : g.rootObjects()) {
                if (seen[r] != blocked && seen[r] != visited) {
                    seen[r] = visited;
                    stack[sp++] = r;
                }
            }
            while (sp > 0) {
                int v = stack[--sp];
                int c = g.classObjectOf(v);
                if (c >= 0 && seen[c] != blocked && seen[c] != visited) {
                    seen[c] = visited;
                    stack[sp++] = c;
                }
                for (int e = outStart[v]; e < outStart[v + 1]; e++) {
                    int t = out[e];
                    if (seen[t] != blocked && seen[t] != visited) {
                        seen[t] = visited;
                        stack[sp++] = t;
                    }
                }
            }
            long sum = 0;
            for (int v : tree.preorder()) {
                if (seen[v] != visited) {
                    sum += shallow.applyAsLong(v);
                }
            }
            return sum;
        }
    }
}

package io.leakscan.analysis;

import io.leakscan.heap.HeapGraph;
import io.leakscan.util.IntArrayList;

/**
 * Chooses which unreachable objects become GC roots of kind "Unreachable" so that every object is
 * kept, reproducing MAT's {@code keep_unreachable_objects} choice exactly (so retained sizes and root
 * counts match MAT's in that mode): first every unreachable object no other unreachable object
 * references, then up to ten passes of heuristics for cycles, the last of which takes anything left.
 *
 * <p>O(passes · (objects + references)). Stateless; thread-safe.
 */
public final class UnreachableRoots {
    private static final int PASSES = 10;

    private UnreachableRoots() {
    }

    /** Object indices to make roots, ascending; empty when everything is reachable. */
    public static int[] select(HeapGraph g) {
        int n = g.objectCount();
        boolean[] reached = new boolean[n];
        int[] stack = new int[Math.max(16, n)];
        int reachedCount = mark(g, g.rootObjects(), reached, stack, 0);
        if (reachedCount == n) {
            return new int[0];
        }
        int[] outStart = g.outStart();
        int[] out = g.out();
        // Inbound counts from unreachable objects, self-references excluded, saturating at 255.
        int[] inbounds = new int[n];
        for (int v = 0; v < n; v++) {
            if (reached[v]) {
                continue;
            }
            int c = g.classObjectOf(v);
            if (c >= 0 && c != v && inbounds[c] < 255) {
                inbounds[c]++;
            }
            for (int e = outStart[v]; e < outStart[v + 1]; e++) {
                int t = out[e];
                if (t != v && inbounds[t] < 255) {
                    inbounds[t]++;
                }
            }
        }
        IntArrayList chosen = new IntArrayList(64);
        for (int v = 0; v < n; v++) {
            if (!reached[v] && inbounds[v] == 0) {
                chosen.add(v);
            }
        }
        int[] single = new int[1];
        reachedCount = mark(g, chosen.toArray(), reached, stack, reachedCount);
        IntArrayList unref = new IntArrayList(64);
        for (int v = 0; v < n; v++) {
            if (!reached[v]) {
                unref.add(v);
            }
        }
        int[] outbounds = new int[n];
        for (int pass = 0; pass < PASSES && reachedCount < n; pass++) {
            for (int i = 0; i < unref.size(); i++) {
                int v = unref.get(i);
                if (reached[v]) {
                    continue;
                }
                int count = 0;
                int c = g.classObjectOf(v);
                if (c >= 0 && c != v && !reached[c]) {
                    count++;
                }
                for (int e = outStart[v]; e < outStart[v + 1]; e++) {
                    int t = out[e];
                    if (t != v && !reached[t]) {
                        count++;
                    }
                }
                outbounds[v] = Math.min(count, 255);
            }
            for (int i = 0; i < unref.size() && reachedCount < n; i++) {
                int v = unref.get(i);
                if (reached[v] || !selectRoot(g, v, pass, inbounds, outbounds, reached)) {
                    continue;
                }
                chosen.add(v);
                single[0] = v;
                reachedCount = mark(g, single, reached, stack, reachedCount);
            }
        }
        int[] result = chosen.toArray();
        java.util.Arrays.sort(result);
        return result;
    }

    private static boolean selectRoot(HeapGraph g, int v, int pass, int[] inbounds, int[] outbounds, boolean[] reached) {
        if (pass == 0) {
            // An isolated two-object cycle: v and a neighbour that only reference each other.
            if (inbounds[v] != 1) {
                return false;
            }
            int[] outStart = g.outStart();
            int[] out = g.out();
            int c = g.classObjectOf(v);
            for (int e = outStart[v] - 1; e < outStart[v + 1]; e++) {
                int t = e < outStart[v] ? c : out[e];
                if (t < 0 || t == v || reached[t] || inbounds[t] != 1) {
                    continue;
                }
                if (references(g, t, v)) {
                    return true;
                }
            }
            return false;
        }
        return outbounds[v] > 0 && (pass == PASSES - 1
                || (inbounds[v] > 1 && outbounds[v] - inbounds[v] >= PASSES - pass - 2));
    }

    private static boolean references(HeapGraph g, int from, int to) {
        if (g.classObjectOf(from) == to) {
            return true;
        }
        for (int e = g.outStart()[from]; e < g.outStart()[from + 1]; e++) {
            if (g.out()[e] == to) {
                return true;
            }
        }
        return false;
    }

    private static int mark(HeapGraph g, int[] starts, boolean[] reached, int[] stack, int count) {
        int[] outStart = g.outStart();
        int[] out = g.out();
        int sp = 0;
        for (int s : starts) {
            if (!reached[s]) {
                reached[s] = true;
                count++;
                stack[sp++] = s;
            }
        }
        while (sp > 0) {
            int v = stack[--sp];
            int c = g.classObjectOf(v);
            if (c >= 0 && !reached[c]) {
                reached[c] = true;
                count++;
                stack[sp++] = c;
            }
            for (int e = outStart[v]; e < outStart[v + 1]; e++) {
                int t = out[e];
                if (!reached[t]) {
                    reached[t] = true;
                    count++;
                    stack[sp++] = t;
                }
            }
        }
        return count;
    }
}

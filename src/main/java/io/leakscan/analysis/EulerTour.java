package io.leakscan.analysis;

import java.util.Arrays;

/**
 * Numbers a forest given as child lists so that every subtree is one contiguous slice: iterative (no
 * recursion, any depth), O(nodes). Used for the dominator tree and the breadth-first tree. Stateless.
 */
final class EulerTour {
    /** entry and exit number per node (-1 when not in the forest), and the nodes by entry number. */
    record Numbering(int[] entry, int[] exit, int[] byEntry) {
    }

    private EulerTour() {
    }

    /**
     * @param n          number of nodes
     * @param childStart CSR offsets ({@code n + 1}) into {@code children}
     * @param roots      the forest's roots, in the order their subtrees are numbered
     * @param reachable  number of nodes in the forest
     */
    static Numbering number(int n, int[] childStart, int[] children, int[] roots, int reachable) {
        int[] entry = new int[n];
        int[] exit = new int[n];
        Arrays.fill(entry, -1);
        int[] byEntry = new int[reachable];
        int[] stack = new int[Math.max(16, reachable)];
        int[] cursor = new int[Math.max(16, reachable)];
        int clock = 0;
        for (int r : roots) {
            int sp = 0;
            stack[0] = r;
            cursor[0] = childStart[r];
            entry[r] = clock;
            byEntry[clock++] = r;
            while (sp >= 0) {
                int v = stack[sp];
                int c = cursor[sp];
                if (c < childStart[v + 1]) {
                    cursor[sp] = c + 1;
                    int w = children[c];
                    entry[w] = clock;
                    byEntry[clock++] = w;
                    stack[++sp] = w;
                    cursor[sp] = childStart[w];
                } else {
                    exit[v] = clock - 1;
                    sp--;
                }
            }
        }
        return new Numbering(entry, exit, clock == reachable ? byEntry : Arrays.copyOf(byEntry, clock));
    }
}

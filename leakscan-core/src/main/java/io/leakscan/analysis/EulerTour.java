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
     * @param parent     each node's parent in the forest (read only for nodes in it)
     * @param roots      the forest's roots, in the order their subtrees are numbered
     * @param reachable  number of nodes in the forest
     */
    static Numbering number(int n, int[] childStart, int[] children, int[] parent, int[] roots, int reachable) {
        int[] entry = new int[n];
        int[] exit = new int[n];
        Arrays.fill(entry, -1);
        int[] byEntry = new int[reachable];
        // No stack: the walk climbs back through the parent links, and a node's next child to visit waits
        // in its exit slot, which is written only once all its children are done.
        int[] cursor = exit;
        int clock = 0;
        for (int r : roots) {
            entry[r] = clock;
            byEntry[clock++] = r;
            cursor[r] = childStart[r];
            int v = r;
            while (true) {
                int c = cursor[v];
                if (c < childStart[v + 1]) {
                    cursor[v] = c + 1;
                    int w = children[c];
                    entry[w] = clock;
                    byEntry[clock++] = w;
                    cursor[w] = childStart[w];
                    v = w;
                } else {
                    exit[v] = clock - 1;
                    if (v == r) {
                        break;
                    }
                    v = parent[v];
                }
            }
        }
        return new Numbering(entry, exit, clock == reachable ? byEntry : Arrays.copyOf(byEntry, clock));
    }
}

package io.leakscan.analysis;

import java.util.Arrays;

/**
 * Primitive index sorts used to order children and rows: a merge sort over int positions with a long
 * key, because {@code Comparator<Integer>} would box every element. Stateless.
 */
final class IndexSort {
    private IndexSort() {
    }

    /**
     * Positions {@code 0..keys.length-1} ordered by key descending; ties by the tie-breaker value
     * {@code tie[tieFrom + i]} ascending, so output is deterministic.
     */
    static int[] descendingByKey(long[] keys, int[] tie, int tieFrom) {
        int n = keys.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        mergeSort(order, new int[n], 0, n, keys, tie, tieFrom);
        return order;
    }

    private static boolean before(int a, int b, long[] keys, int[] tie, int tieFrom) {
        if (keys[a] != keys[b]) {
            return keys[a] > keys[b];
        }
        return tie[tieFrom + a] < tie[tieFrom + b];
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, long[] keys, int[] tie, int tieFrom) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && before(x, a[j], keys, tie, tieFrom)) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, keys, tie, tieFrom);
        mergeSort(a, tmp, mid, to, keys, tie, tieFrom);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            tmp[k++] = before(a[j], a[i], keys, tie, tieFrom) ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
    }

    /** Positions ordered by key descending (ties by position). */
    static int[] descending(long[] keys) {
        int[] ident = new int[keys.length];
        Arrays.setAll(ident, i -> i);
        return descendingByKey(keys, ident, 0);
    }
}

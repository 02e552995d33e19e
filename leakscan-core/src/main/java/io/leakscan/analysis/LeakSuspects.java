package io.leakscan.analysis;

import io.leakscan.heap.HeapSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Leak suspects as Eclipse MAT's leak report finds them: single objects among the top-level
 * dominators that retain more than the threshold share of the heap, then groups of top-level
 * dominators of one class that do so together; each with its accumulation point (for a single object:
 * descend to the biggest dominated child while it keeps at least 70% of its parent's retained size; for
 * a group: {@link GroupAccumulation}).
 *
 * <p>O(top-level dominators + depth of the descent). Stateless; thread-safe.
 */
public final class LeakSuspects {
    /** MAT's default for the leak report: 10% of the used heap. */
    public static final int DEFAULT_THRESHOLD_PERCENT = 10;
    private static final double BIG_DROP_RATIO = 0.7;
    private static final int MAX_DEPTH = 1000;

    private LeakSuspects() {
    }

    /**
     * One suspect.
     *
     * @param objectIndex        the object (single suspect) or the group's class object (group)
     * @param classIndex         class of the object, or the group's class
     * @param group              true for "N instances of one class"
     * @param instances          1, or the group's number of top-level dominators
     * @param retainedBytes      retained size of the object or sum over the group
     * @param accumulationPoint  object index of the accumulation point, or -1 when none is found
     * @param members            the group's top-level dominators (empty for a single suspect)
     */
    public record Suspect(int objectIndex, int classIndex, boolean group, int instances, long retainedBytes,
            int accumulationPoint, int[] members) {
    }

    public static List<Suspect> find(HeapAnalysis a, int thresholdPercent) {
        HeapSnapshot s = a.snapshot();
        long used = a.usedHeapBytes();
        long threshold = thresholdPercent * used / 100;
        int[] tops = a.dominatorChildren().rootChildren();
        RetainedSizes retained = a.retainedSizes();
        List<Suspect> result = new ArrayList<>();
        int i = 0;
        for (; i < tops.length && retained.bytes(tops[i]) > threshold; i++) {
            int o = tops[i];
            result.add(new Suspect(o, s.classIndexOf(o), false, 1, retained.bytes(o), accumulationPoint(a, o), new int[0]));
        }
        // Groups among the remaining top-level dominators, by class.
        int classes = s.classes().count();
        long[] sum = new long[classes];
        int[] count = new int[classes];
        for (int j = i; j < tops.length; j++) {
            int c = s.classIndexOf(tops[j]);
            sum[c] += retained.bytes(tops[j]);
            count[c]++;
        }
        List<Integer> groupClasses = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            if (count[c] > 0 && sum[c] > threshold) {
                groupClasses.add(c);
            }
        }
        for (int c : groupClasses) {
            int[] members = new int[count[c]];
            int k = 0;
            for (int j = i; j < tops.length; j++) {
                if (s.classIndexOf(tops[j]) == c) {
                    members[k++] = tops[j];
                }
            }
            result.add(new Suspect(s.classes().classObject(c), c, true, count[c], sum[c],
                    GroupAccumulation.find(a, members), members));
        }
        result.sort(Comparator.comparingLong(Suspect::retainedBytes).reversed()
                .thenComparing(Suspect::group));
        return result;
    }

    /** MAT's accumulation point: follow the biggest child until it keeps less than 70% of its parent. */
    static int accumulationPoint(HeapAnalysis a, int start) {
        RetainedSizes retained = a.retainedSizes();
        DominatorChildren dom = a.dominatorChildren();
        int current = start;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            int child = dom.firstChild(current);
            if (child < 0) {
                return current;
            }
            if ((double) retained.bytes(child) / retained.bytes(current) < BIG_DROP_RATIO) {
                return current;
            }
            current = child;
        }
        return -1;
    }
}

package io.leakscan.analysis;

import io.leakscan.heap.HeapGraph;
import io.leakscan.heap.HeapSnapshot;

/**
 * Per-class counts: instances, shallow bytes and (for live objects) exact retained bytes, by class
 * index. Class objects count as instances of {@code java.lang.Class}, as in MAT. Immutable; thread-safe.
 */
public final class Histogram {
    private final long[] instances;
    private final long[] shallowBytes;
    private final long[] retainedBytes;

    private Histogram(long[] instances, long[] shallowBytes, long[] retainedBytes) {
        this.instances = instances;
        this.shallowBytes = shallowBytes;
        this.retainedBytes = retainedBytes;
    }

    static Histogram live(HeapSnapshot s, DominatorTree tree, DominatorChildren dom, ShortestPaths bfs,
            RetainedSizes retained, java.util.BitSet isRoot) {
        HeapGraph g = s.graph();
        int classes = s.classes().count();
        long[] instances = new long[classes];
        long[] shallow = new long[classes];
        int[] classOf = g.classIndexOf();
        for (int v : dom.byEntry()) {
            int c = classOf[v];
            instances[c]++;
            shallow[c] += s.shallowBytes(v);
        }
        long[] retainedByClass = ClassRetainedSizes.compute(g, tree, dom, bfs, retained, s::shallowBytes, isRoot);
        return new Histogram(instances, shallow, retainedByClass);
    }

    static Histogram unreachable(HeapSnapshot s, DominatorTree tree) {
        int classes = s.classes().count();
        long[] instances = new long[classes];
        long[] shallow = new long[classes];
        int[] classOf = s.graph().classIndexOf();
        for (int v = 0; v < s.objectCount(); v++) {
            if (!tree.isReachable(v)) {
                instances[classOf[v]]++;
                shallow[classOf[v]] += s.shallowBytes(v);
            }
        }
        return new Histogram(instances, shallow, new long[classes]);
    }

    public int classCount() {
        return instances.length;
    }

    public long instances(int classIndex) {
        return instances[classIndex];
    }

    public long shallowBytes(int classIndex) {
        return shallowBytes[classIndex];
    }

    public long retainedBytes(int classIndex) {
        return retainedBytes[classIndex];
    }

    public long totalInstances() {
        long sum = 0;
        for (long v : instances) {
            sum += v;
        }
        return sum;
    }

    public long totalShallowBytes() {
        long sum = 0;
        for (long v : shallowBytes) {
            sum += v;
        }
        return sum;
    }
}

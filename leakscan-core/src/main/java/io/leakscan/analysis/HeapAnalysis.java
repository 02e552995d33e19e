package io.leakscan.analysis;

import io.leakscan.heap.HeapGraph;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.util.StepTimes;
import java.util.concurrent.CompletableFuture;

/**
 * Everything computed from one snapshot that the reports need: the dominator tree, retained sizes per
 * object and per class, the histogram of live objects and that of unreachable ones.
 *
 * <p>Costs: O((objects + references) · log objects) time, on two threads when the heap has room; memory
 * on top of the snapshot: 32 bytes per object kept (dominator tree, retained sizes, both Euler
 * numberings, breadth-first parents), and at the peak, the per-class retained sizes, 16 more per object
 * plus 4 per reference (docs/memory.md). Does not read the file. Immutable after construction (the
 * container registry is built once, on first use); thread-safe.
 */
public final class HeapAnalysis {
    private final HeapSnapshot snapshot;
    private final DominatorTree tree;
    private final RetainedSizes retainedBytes;
    private final DominatorChildren children;
    private final Histogram histogram;
    private final Histogram unreachableHistogram;
    private final java.util.BitSet isRoot;
    private final ShortestPaths paths;
    /** Built on first use and shared by the waste figures, the suspects and diff's summary. */
    private volatile ContainerRegistry registry;

    private HeapAnalysis(HeapSnapshot snapshot, DominatorTree tree, RetainedSizes retainedBytes, DominatorChildren children,
            Histogram histogram, Histogram unreachableHistogram, java.util.BitSet isRoot, ShortestPaths paths) {
        this.paths = paths;
        this.snapshot = snapshot;
        this.tree = tree;
        this.retainedBytes = retainedBytes;
        this.children = children;
        this.histogram = histogram;
        this.unreachableHistogram = unreachableHistogram;
        this.isRoot = isRoot;
    }

    /** Runs the whole analysis of {@code snapshot}; unreachable objects are left out, as MAT does by default. */
    public static HeapAnalysis of(HeapSnapshot snapshot) {
        return of(snapshot, false);
    }

    /**
     * Runs the whole analysis. With {@code keepUnreachable}, objects no GC root reaches are kept by making
     * some of them roots of kind {@code Unreachable}, chosen exactly as MAT's {@code keep_unreachable_objects}.
     */
    public static HeapAnalysis of(HeapSnapshot snapshot, boolean keepUnreachable) {
        if (keepUnreachable) {
            int[] extra = UnreachableRoots.select(snapshot.graph());
            if (extra.length > 0) {
                snapshot = snapshot.withAdditionalRoots(extra, io.leakscan.heap.GcRootKind.UNREACHABLE);
            }
        }
        HeapGraph g = snapshot.graph();
        // The breadth-first tree and the dominator tree only read the graph: on a second core, build the
        // former while the latter is computed — when the heap has room for both sets of working arrays.
        CompletableFuture<ShortestPaths> bfs = null;
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        // Room for Lengauer–Tarjan's working arrays (32 bytes per object and 4 per reference at their peak)
        // plus the breadth-first tree's (16 kept, 12 more while numbering), with a margin.
        long needed = 60L * g.objectCount() + 4L * g.referenceCount() + (128L << 20);
        if (rt.availableProcessors() > 1 && free > needed) {
            bfs = CompletableFuture.supplyAsync(() -> ShortestPaths.compute(g), Background.EXECUTOR);
        }
        long t = System.nanoTime();
        DominatorTree tree = DominatorTree.compute(g);
        StepTimes.record("dominator tree (Lengauer-Tarjan)", t);
        t = System.nanoTime();
        RetainedSizes retained = RetainedSizes.compute(tree, snapshot::shallowBytes);
        DominatorChildren children = DominatorChildren.build(tree, retained);
        tree = tree.withoutOrder(); // the dominator Euler order (children.byEntry()) is top-down too
        StepTimes.record("retained sizes, dominator children", t);
        java.util.BitSet isRoot = new java.util.BitSet(g.objectCount());
        for (int r : g.rootObjects()) {
            isRoot.set(r);
        }
        t = System.nanoTime();
        ShortestPaths paths = bfs != null ? Background.join(bfs) : ShortestPaths.compute(g);
        StepTimes.record(bfs != null ? "breadth-first tree (wait)" : "breadth-first tree", t);
        t = System.nanoTime();
        Histogram histogram = Histogram.live(snapshot, tree, children, paths, retained, isRoot);
        Histogram unreachable = Histogram.unreachable(snapshot, tree);
        StepTimes.record("histogram, per-class retained sizes", t);
        return new HeapAnalysis(snapshot, tree, retained, children, histogram, unreachable, isRoot, paths);
    }

    public HeapSnapshot snapshot() {
        return snapshot;
    }

    public DominatorTree dominatorTree() {
        return tree;
    }

    public DominatorChildren dominatorChildren() {
        return children;
    }

    /** Retained bytes of an object (0 when unreachable). */
    public long retainedBytes(int objectIndex) {
        return retainedBytes.bytes(objectIndex);
    }

    /** Retained bytes of every object (4 bytes per object; see {@link RetainedSizes}). */
    public RetainedSizes retainedSizes() {
        return retainedBytes;
    }

    /**
     * The container registry of this heap ({@link ContainerRegistry}): built on the first call, then shared
     * by every report of the run, so that one pass over the graph serves them all. Costs O(objects +
     * references) once and 4 bytes per object kept from then on, after the analysis's memory peak.
     * Thread-safe.
     */
    public ContainerRegistry containerRegistry() {
        ContainerRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                r = registry;
                if (r == null) {
                    r = new ContainerRegistry(snapshot);
                    registry = r;
                }
            }
        }
        return r;
    }

    /** Shortest paths from the GC roots (breadth-first tree). */
    public ShortestPaths shortestPaths() {
        return paths;
    }

    public boolean isGcRoot(int objectIndex) {
        return isRoot.get(objectIndex);
    }

    /** Histogram of reachable objects, with exact per-class retained sizes. */
    public Histogram histogram() {
        return histogram;
    }

    /** Histogram of objects no GC root reaches (retained sizes are 0 there). */
    public Histogram unreachableHistogram() {
        return unreachableHistogram;
    }

    /** Number of reachable objects (MAT's "Number of objects"). */
    public int liveObjects() {
        return tree.reachableCount();
    }

    /** Sum of shallow sizes of reachable objects (MAT's "Used heap"). */
    public long usedHeapBytes() {
        return histogram.totalShallowBytes();
    }

    /** Number of classes whose class object is reachable (MAT's "Number of classes"). */
    public int liveClasses() {
        int count = 0;
        for (int c = 0; c < snapshot.classes().count(); c++) {
            int o = snapshot.classes().classObject(c);
            if (o >= 0 && tree.isReachable(o)) {
                count++;
            }
        }
        return count;
    }
}

package io.leakscan.report;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.Histogram;
import io.leakscan.analysis.ContainerRegistry;
import io.leakscan.analysis.LeakSuspects;
import io.leakscan.analysis.ObjectInspector;
import io.leakscan.analysis.ShortestPaths;
import io.leakscan.heap.GcRootKind;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.util.Sizes;
import io.leakscan.util.StepTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a {@link HeapAnalysis} into an {@link AnalyzeReport}. Reads the dump again, in one sequential
 * pass, for the field names and array indices along the reported paths and for thread names (a further
 * pass only in the rare case where the graph's field slots cannot tell a thread's name chain).
 *
 * <p>Not thread-safe; one per report.
 */
public final class AnalyzeReportBuilder {
    /**
     * Dominators shown with their path from a GC root; the rest of a longer list (--top 0 on a heap with
     * tens of thousands of top-level dominators) has an empty path, which keeps the report proportional
     * to what a reader can use rather than to the heap.
     */
    public static final int MAX_DOMINATOR_PATHS = 100;

    private final HeapAnalysis analysis;
    private final HeapSnapshot snapshot;
    private final int top;
    private final ObjectInspector inspector;

    /** @param top number of histogram rows and dominators to include; 0 for all */
    public AnalyzeReportBuilder(HeapAnalysis analysis, int top) {
        this(analysis, top, new ObjectInspector(analysis.snapshot()));
    }

    /** As above, reading field values through {@code inspector} (shared with other sections: one pass for all). */
    public AnalyzeReportBuilder(HeapAnalysis analysis, int top, ObjectInspector inspector) {
        this.analysis = analysis;
        this.snapshot = analysis.snapshot();
        this.top = top;
        this.inspector = inspector;
    }

    public AnalyzeReport build(String displayPath, List<String> warnings) {
        List<HistogramRow> histogram = histogram(analysis.histogram(), true);
        List<HistogramRow> unreachable = histogram(analysis.unreachableHistogram(), false);

        int[] tops = analysis.dominatorChildren().rootChildren();
        int dominatorCount = top <= 0 ? tops.length : Math.min(top, tops.length);
        long t = System.nanoTime();
        List<LeakSuspects.Suspect> suspects = LeakSuspects.find(analysis, LeakSuspects.DEFAULT_THRESHOLD_PERCENT);
        StepTimes.record("leak suspects, accumulation points", t);

        ShortestPaths paths = analysis.shortestPaths();
        List<int[]> allPaths = new ArrayList<>();
        for (int i = 0; i < dominatorCount; i++) {
            allPaths.add(i < MAX_DOMINATOR_PATHS ? fromDeclaringClass(paths.pathTo(tops[i])) : new int[0]);
        }
        for (LeakSuspects.Suspect s : suspects) {
            int target = s.accumulationPoint() >= 0 ? s.accumulationPoint() : s.objectIndex();
            allPaths.add(fromDeclaringClass(paths.pathTo(target)));
        }
        // Threads among the objects shown (dominators, suspects, accumulation points) get their names
        // loaded too, so that a Thread reads as one in every section, with or without a path.
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < dominatorCount; i++) {
            shown.add(tops[i]);
        }
        for (LeakSuspects.Suspect s : suspects) {
            shown.add(s.objectIndex());
            if (s.accumulationPoint() >= 0) {
                shown.add(s.accumulationPoint());
            }
        }
        t = System.nanoTime();
        loadPathObjects(allPaths, shown);
        StepTimes.record("field values (one pass over the dump)", t);

        List<DominatorEntry> dominators = new ArrayList<>();
        for (int i = 0; i < dominatorCount; i++) {
            dominators.add(new DominatorEntry(ref(tops[i]), steps(allPaths.get(i))));
        }
        List<LeakSuspectEntry> suspectEntries = new ArrayList<>();
        ContainerRegistry registry = suspects.isEmpty() ? null : analysis.containerRegistry();
        int rank = 1;
        for (int i = 0; i < suspects.size(); i++) {
            LeakSuspects.Suspect s = suspects.get(i);
            ObjectRef acc = s.accumulationPoint() >= 0 ? ref(s.accumulationPoint()) : null;
            String cls = snapshot.classes().name(s.classIndex());
            double pct = percent(s.retainedBytes());
            ObjectRef suspectRef = ref(s.objectIndex());
            String description = s.group()
                    ? String.format(Locale.ROOT, "%d instances of %s retain %s (%.1f%% of the heap) together",
                            s.instances(), cls, Sizes.human(s.retainedBytes()), pct)
                    : String.format(Locale.ROOT, "%s retains %s (%.1f%% of the heap)", suspectRef.object(),
                            Sizes.human(s.retainedBytes()), pct);
            int[] path = allPaths.get(dominatorCount + i);
            List<PathStep> steps = steps(path);
            int at = containerOnPath(registry, path);
            String container = at < 0 ? null : registry.words(path[at]) + " (" + snapshot.describe(path[at]) + ")";
            suspectEntries.add(new LeakSuspectEntry(rank++, s.group() ? "class" : "object", suspectRef, cls,
                    s.instances(), s.retainedBytes(), pct, acc, steps, description, container,
                    at < 0 ? null : registry.entries(path[at]), at <= 0 ? null : steps.get(at - 1).label()));
        }
        t = System.nanoTime();
        DominatorTreeNode tree = DominatorTreeExtract.of(analysis);
        StepTimes.record("dominator tree extract", t);
        return new AnalyzeReport(AnalyzeReport.SCHEMA_VERSION, summary(displayPath), histogram, dominators,
                suspectEntries, gcRoots(), unreachable, warnings, tree);
    }

    /**
     * Position on the path of the container that holds its last object: the outermost container whose
     * insides it is, else the nearest container above it; -1 when none.
     */
    private static int containerOnPath(ContainerRegistry registry, int[] path) {
        for (int j = path.length - 1; j >= 0; j--) {
            int o = path[j];
            int owner = registry.ownerOf(o);
            if (owner >= 0 && registry.isInside(o)) {
                for (int k = j - 1; k >= 0; k--) {
                    if (path[k] == owner) {
                        return k;
                    }
                }
            }
            if (registry.isContainer(o)) {
                return j;
            }
        }
        return -1;
    }

    private SnapshotSummary summary(String displayPath) {
        var info = snapshot.info();
        return new SnapshotSummary(displayPath, info.formatVersion(), info.idSize(),
                Instant.ofEpochMilli(info.timestampMillis()).toString(), analysis.liveObjects(),
                analysis.liveClasses(), snapshot.rootObjects().length, analysis.usedHeapBytes(),
                analysis.unreachableHistogram().totalInstances(), analysis.unreachableHistogram().totalShallowBytes(),
                info.compressedOops(), info.heapDumpIndex() + 1, info.heapDumpCount(), info.danglingReferences(),
                info.danglingFromArrays(), info.complete(), info.complete() ? null
                        : "file ends at byte offset " + info.readBytes() + " inside a record (" + info.truncation() + ")");
    }

    private List<HistogramRow> histogram(Histogram h, boolean live) {
        List<HistogramRow> rows = new ArrayList<>();
        for (int c = 0; c < h.classCount(); c++) {
            int co = snapshot.classes().classObject(c);
            boolean classLive = co >= 0 && analysis.dominatorTree().isReachable(co);
            if (live ? (classLive || h.instances(c) > 0) : h.instances(c) > 0) {
                rows.add(new HistogramRow(snapshot.classes().name(c), h.instances(c), h.shallowBytes(c),
                        h.retainedBytes(c)));
            }
        }
        Comparator<HistogramRow> order = live
                ? Comparator.comparingLong(HistogramRow::retainedBytes).reversed()
                : Comparator.comparingLong(HistogramRow::shallowBytes).reversed();
        rows.sort(order.thenComparing(HistogramRow::className));
        return top > 0 && rows.size() > top ? List.copyOf(rows.subList(0, top)) : rows;
    }

    private List<GcRootCount> gcRoots() {
        List<GcRootCount> out = new ArrayList<>();
        for (GcRootKind k : GcRootKind.values()) {
            long n = 0;
            for (int m : snapshot.rootKindMasks()) {
                if ((m & k.bit()) != 0) {
                    n++;
                }
            }
            if (n > 0) {
                out.add(new GcRootCount(k.label(), n));
            }
        }
        out.sort(Comparator.comparingLong(GcRootCount::objects).reversed());
        return out;
    }

    private void loadPathObjects(List<int[]> paths, List<Integer> shown) {
        Set<Integer> sources = new LinkedHashSet<>();
        Set<Integer> threads = new LinkedHashSet<>();
        for (int o : shown) {
            if (inspector.isThread(o)) {
                threads.add(o);
            }
        }
        PathSteps.collect(inspector, paths, sources, threads);
        inspector.loadWithThreadNames(sources, threads);
    }

    private int[] fromDeclaringClass(int[] path) {
        return PathSteps.fromDeclaringClass(snapshot, path);
    }

    private List<PathStep> steps(int[] path) {
        return PathSteps.of(snapshot, inspector, path);
    }

    private String describe(int o) {
        return PathSteps.describe(snapshot, inspector, o);
    }

    private ObjectRef ref(int o) {
        String cls = snapshot.classes().name(snapshot.classIndexOf(o));
        return new ObjectRef(describe(o), cls, "0x" + Long.toHexString(snapshot.objectId(o)),
                snapshot.shallowBytes(o), analysis.retainedBytes(o), percent(analysis.retainedBytes(o)));
    }

    private double percent(long bytes) {
        return percentOf(bytes, analysis.usedHeapBytes());
    }

    /** {@code bytes} as a percentage of {@code usedHeapBytes}, three decimals (0 for an empty heap). */
    static double percentOf(long bytes, long usedHeapBytes) {
        return usedHeapBytes == 0 ? 0 : Math.round(bytes * 100_000.0 / usedHeapBytes) / 1000.0;
    }
}

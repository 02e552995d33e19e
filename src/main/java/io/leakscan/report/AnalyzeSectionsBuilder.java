package io.leakscan.report;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.Threads;
import io.leakscan.analysis.Waste;
import io.leakscan.heap.DumpContents;
import io.leakscan.util.StepTimes;

/**
 * Adds the second-step sections to an {@link AnalyzeReport}: top consumers (from the analysis alone),
 * threads and memory waste, whose array digests, stacks and thread fields come from ONE further pass
 * over the dump shared by both; the duplicate strings' texts cost one more short pass (a few objects).
 * Not thread-safe.
 */
public final class AnalyzeSectionsBuilder {
    /** Findings per waste kind, objects per thread, when {@code --top} is not 0. */
    public static final int SECTION_ROWS = 10;

    private AnalyzeSectionsBuilder() {
    }

    /** @param top the report's {@code --top} (0 = all) */
    public static AnalyzeSections build(HeapAnalysis analysis, AnalyzeReport report, int top, boolean threads,
            boolean waste) {
        long t = System.nanoTime();
        TopConsumersReport consumers = TopConsumersReport.of(analysis, top);
        StepTimes.record("top consumers", t);
        if (!threads && !waste) {
            return new AnalyzeSections(report, consumers, null, null);
        }
        t = System.nanoTime();
        int[] threadObjects = threads ? Threads.threadObjects(analysis) : new int[0];
        DumpContents contents = DumpContents.read(analysis.snapshot(), new DumpContents.Request(waste, threads,
                Threads.objectsToRead(analysis.snapshot(), threadObjects)));
        StepTimes.record("array digests, stacks (one pass over the dump)", t);
        int rows = top == 0 ? 0 : Math.min(top, SECTION_ROWS);
        ThreadsReport threadsReport = threads
                ? ThreadsReportBuilder.build(analysis, contents, threadObjects, rows) : null;
        t = System.nanoTime();
        WasteReport wasteReport = waste ? WasteReportBuilder.build(analysis, Waste.of(analysis, contents, rows)) : null;
        StepTimes.record("waste", t);
        return new AnalyzeSections(report, consumers, threadsReport, wasteReport);
    }
}

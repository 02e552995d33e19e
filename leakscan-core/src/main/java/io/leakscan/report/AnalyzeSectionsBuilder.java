package io.leakscan.report;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.ObjectInspector;
import io.leakscan.analysis.Threads;
import io.leakscan.analysis.Waste;
import io.leakscan.heap.DumpContents;
import io.leakscan.util.StepTimes;

/**
 * Adds the second-step sections to an {@link AnalyzeReport}: top consumers (from the analysis alone),
 * threads and memory waste. Their array digests, stacks and thread fields come from ONE pass over the
 * dump, made when this is constructed; the texts of the waste examples are set aside on the shared
 * {@link ObjectInspector} so that the report's own pass (names along the paths) reads them too. Not
 * thread-safe; one per report.
 */
public final class AnalyzeSectionsBuilder {
    /** Findings per waste kind, objects per thread, when {@code --top} is not 0. */
    public static final int SECTION_ROWS = 10;

    private final HeapAnalysis analysis;
    private final ObjectInspector inspector;
    private final int top;
    private final int rows;
    private final int[] threadObjects;
    private final DumpContents contents;
    private final Waste waste;

    /**
     * Makes the sections' pass over the dump (when threads or waste are asked for) and finds the waste.
     *
     * @param top       the report's {@code --top} (0 = all)
     * @param inspector shared with the {@link AnalyzeReportBuilder} that builds the report next
     */
    public AnalyzeSectionsBuilder(HeapAnalysis analysis, int top, boolean threads, boolean waste,
            ObjectInspector inspector) {
        this.analysis = analysis;
        this.inspector = inspector;
        this.top = top;
        this.rows = top == 0 ? 0 : Math.min(top, SECTION_ROWS);
        this.threadObjects = threads ? Threads.threadObjects(analysis) : null;
        if (threads || waste) {
            long t = System.nanoTime();
            contents = DumpContents.read(analysis.snapshot(), new DumpContents.Request(waste, threads,
                    threads ? Threads.objectsToRead(analysis.snapshot(), threadObjects) : null));
            StepTimes.record("array digests, stacks (the pass)", t);
        } else {
            contents = null;
        }
        if (waste) {
            long t = System.nanoTime();
            this.waste = Waste.of(analysis, contents, rows);
            inspector.readWithNextLoad(WasteReportBuilder.examples(analysis.snapshot(), this.waste));
            StepTimes.record("waste", t);
        } else {
            this.waste = null;
        }
    }

    /** The report with the sections (after the report's pass, which read the waste examples too). */
    public AnalyzeSections build(AnalyzeReport report) {
        long t = System.nanoTime();
        TopConsumersReport consumers = TopConsumersReport.of(analysis, top);
        StepTimes.record("top consumers", t);
        ThreadsReport threadsReport = threadObjects != null
                ? ThreadsReportBuilder.build(analysis, contents, threadObjects, rows) : null;
        WasteReport wasteReport = waste != null ? WasteReportBuilder.build(analysis, waste, inspector) : null;
        return new AnalyzeSections(report, consumers, threadsReport, wasteReport);
    }
}

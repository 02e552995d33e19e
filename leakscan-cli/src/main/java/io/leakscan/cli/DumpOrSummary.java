package io.leakscan.cli;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.diff.DumpSummarizer;
import io.leakscan.diff.DumpSummary;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.report.SummaryJson;
import java.io.IOException;
import java.nio.file.Path;

/** Reads what {@code diff} accepts: a heap dump (analysed, then summarised) or a saved summary. Stateless. */
final class DumpOrSummary {
    private DumpOrSummary() {
    }

    static DumpSummary load(Path file, DumpOptions options, Phases phases) {
        if (SummaryJson.looksLikeSummary(file)) {
            // A summary is JSON, not HPROF: its failures name the file but have no byte offset to give.
            try {
                return SummaryJson.read(file);
            } catch (IOException e) {
                throw IoFailure.cannotRead(file, e);
            } catch (IllegalArgumentException e) {
                throw new IoFailure(file + ": not a heap dump, and " + e.getMessage().replace(file + ": ", ""), e);
            }
        }
        HeapSnapshot snapshot = options.load(file, phases);
        HeapAnalysis analysis = phases.run("analysing " + file.getFileName(),
                () -> HeapAnalysis.of(snapshot, options.keepUnreachable));
        return phases.run("summarising " + file.getFileName(), () -> DumpSummarizer.summarize(analysis, file.toString()));
    }
}

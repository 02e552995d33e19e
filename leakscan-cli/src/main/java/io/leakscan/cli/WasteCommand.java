package io.leakscan.cli;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.Waste;
import io.leakscan.heap.DumpContents;
import io.leakscan.report.WasteReport;
import io.leakscan.report.WasteReportBuilder;
import io.leakscan.report.render.WasteTextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leakscan waste DUMP}: memory that could be saved, priced in bytes. */
@Command(name = "waste", mixinStandardHelpOptions = true,
        description = "Memory that could be saved, biggest first, in bytes and %% of the heap: duplicate strings,"
                + " duplicate primitive arrays, empty, nearly empty and sparsely filled collections, boxed numbers,"
                + " zero-length arrays. How each figure is computed: docs/waste.md.",
        exitCodeListHeading = HelpText.EXIT_HEADING, exitCodeList = {
            HelpText.OK, HelpText.USAGE, HelpText.IO, HelpText.MEMORY, HelpText.INTERNAL, HelpText.TOO_LARGE},
        footer = HelpText.LAUNCHER)
public final class WasteCommand extends SingleDumpCommand<WasteReport> {
    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Findings listed per kind; 0 for all (default: ${DEFAULT-VALUE}). Totals count everything.")
    int top;

    @Override
    void checkOptions() {
        requireTopNotNegative(top);
    }

    @Override
    WasteReport report(HeapAnalysis analysis, Phases phases) {
        DumpContents contents = phases.run("array contents (one pass)",
                () -> DumpContents.read(analysis.snapshot(), new DumpContents.Request(true, false, null)));
        return phases.run("waste", () -> WasteReportBuilder.build(analysis, Waste.of(analysis, contents, top)));
    }

    @Override
    String text(WasteReport report) {
        return WasteTextRenderer.render(report);
    }
}

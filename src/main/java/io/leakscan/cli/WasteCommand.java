package io.leakscan.cli;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.Waste;
import io.leakscan.heap.DumpContents;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.report.WasteReport;
import io.leakscan.report.WasteReportBuilder;
import io.leakscan.report.render.JsonRenderer;
import io.leakscan.report.render.WasteTextRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code leakscan waste DUMP}: memory that could be saved, priced in bytes. */
@Command(name = "waste", mixinStandardHelpOptions = true,
        description = "Memory that could be saved, biggest first, in bytes and %% of the heap: duplicate strings,"
                + " duplicate primitive arrays, empty, nearly empty and sparsely filled collections, boxed numbers,"
                + " zero-length arrays. How each figure is computed: docs/waste.md.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage error", "3:unreadable, truncated or corrupt input",
            "4:not enough memory (the message says how much to give)", "5:internal error (a bug in leakscan)"})
public final class WasteCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DUMP", description = "HPROF heap dump, plain or gzip (.hprof, .hprof.gz).")
    Path dump;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Findings listed per kind; 0 for all (default: ${DEFAULT-VALUE}). Totals count everything.")
    int top;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    DumpOptions dumpOptions;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return Failures.guard(spec, common, List.of(dump), () -> {
            if (top < 0) {
                throw new ParameterException(spec.commandLine(), "--top must be 0 or more");
            }
            Phases phases = new Phases(spec, common);
            HeapSnapshot snapshot = dumpOptions.load(dump, phases);
            HeapAnalysis analysis = phases.run("dominator tree and retained sizes",
                    () -> HeapAnalysis.of(snapshot, dumpOptions.keepUnreachable));
            DumpContents contents = phases.run("array contents (one pass over the dump)",
                    () -> DumpContents.read(snapshot, new DumpContents.Request(true, false, null)));
            WasteReport report = phases.run("waste",
                    () -> WasteReportBuilder.build(analysis, Waste.of(analysis, contents, top)));
            if (format == OutputFormat.json) {
                JsonRenderer.write(report, spec.commandLine().getOut());
            } else {
                spec.commandLine().getOut().print(WasteTextRenderer.render(report));
                spec.commandLine().getOut().flush();
            }
            phases.done();
            return ExitCode.OK.code();
        });
    }
}

package io.leakscan.cli;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.report.AnalyzeReport;
import io.leakscan.report.AnalyzeReportBuilder;
import io.leakscan.report.render.AnalyzeTextRenderer;
import io.leakscan.report.render.JsonRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscan analyze DUMP}: post-mortem of one heap dump. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse one heap dump: summary, leak suspects, biggest objects with their paths from GC roots,"
                + " class histogram with exact retained sizes.",
        exitCodeListHeading = HelpText.EXIT_HEADING, exitCodeList = {
            HelpText.OK, HelpText.USAGE, HelpText.IO, HelpText.MEMORY, HelpText.INTERNAL},
        footer = HelpText.LAUNCHER)
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DUMP", description = "HPROF heap dump, plain or gzip (.hprof, .hprof.gz).")
    Path dump;

    @Option(names = "--top", paramLabel = "N", defaultValue = "25",
            description = "Histogram rows and dominators to show; 0 for all (default: ${DEFAULT-VALUE}). "
                    + "Paths are given for the first 100 dominators.")
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
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top must be 0 or more");
            }
            Phases phases = new Phases(spec, common);
            HeapSnapshot snapshot = dumpOptions.load(dump, phases);
            HeapAnalysis analysis = phases.run("dominator tree and retained sizes",
                    () -> HeapAnalysis.of(snapshot, dumpOptions.keepUnreachable));
            List<String> warnings = new ArrayList<>(Warnings.of(snapshot));
            AnalyzeReport report = phases.run("report",
                    () -> new AnalyzeReportBuilder(analysis, top).build(dump.toString(), warnings));
            if (format == OutputFormat.json) {
                JsonRenderer.write(report, spec.commandLine().getOut());
            } else {
                spec.commandLine().getOut().print(AnalyzeTextRenderer.render(report, common.verbose));
                spec.commandLine().getOut().flush();
            }
            phases.done();
            return ExitCode.OK.code();
        });
    }
}

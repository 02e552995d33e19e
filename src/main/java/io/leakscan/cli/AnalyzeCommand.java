package io.leakscan.cli;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.ObjectInspector;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.report.AnalyzeReport;
import io.leakscan.report.AnalyzeReportBuilder;
import io.leakscan.report.AnalyzeSections;
import io.leakscan.report.AnalyzeSectionsBuilder;
import io.leakscan.report.render.AnalyzeSectionsTextRenderer;
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
                + " class histogram with exact retained sizes, top consumers by package and class loader, threads,"
                + " memory waste.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage error", "3:unreadable, truncated or corrupt input",
            "4:not enough memory (the message says how much to give)", "5:internal error (a bug in leakscan)"})
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

    @Option(names = "--threads", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Threads section: stacks, what their frames and ThreadLocals hold (--no-threads to leave out).")
    boolean threads;

    @Option(names = "--waste", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Memory waste section: duplicate strings and arrays, sparse collections… (--no-waste to leave out;"
                    + " without both, no further pass over the dump).")
    boolean waste;

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
            // One inspector for the report and the sections: the waste examples are read in the report's pass.
            ObjectInspector inspector = new ObjectInspector(snapshot);
            AnalyzeSectionsBuilder extras = phases.run("threads and waste (one pass)",
                    () -> new AnalyzeSectionsBuilder(analysis, top, threads, waste, inspector));
            AnalyzeReport report = phases.run("report",
                    () -> new AnalyzeReportBuilder(analysis, top, inspector).build(dump.toString(), warnings));
            AnalyzeSections sections = phases.run("sections", () -> extras.build(report));
            if (format == OutputFormat.json) {
                JsonRenderer.write(sections, spec.commandLine().getOut());
            } else {
                spec.commandLine().getOut().print(AnalyzeSectionsTextRenderer.render(sections));
                spec.commandLine().getOut().flush();
            }
            phases.done();
            return ExitCode.OK.code();
        });
    }
}

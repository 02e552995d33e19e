package io.leakscan.cli;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.ObjectInspector;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.report.AnalyzeReport;
import io.leakscan.report.AnalyzeReportBuilder;
import io.leakscan.report.render.AnalyzeHtmlRenderer;
import io.leakscan.report.AnalyzeSections;
import io.leakscan.report.AnalyzeSectionsBuilder;
import io.leakscan.report.render.AnalyzeSectionsTextRenderer;
import io.leakscan.report.render.JsonRenderer;
import java.io.Writer;
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
        exitCodeListHeading = HelpText.EXIT_HEADING, exitCodeList = {
            HelpText.OK, HelpText.USAGE, HelpText.IO, HelpText.MEMORY, HelpText.INTERNAL, HelpText.TOO_LARGE},
        footer = HelpText.LAUNCHER)
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DUMP", description = "HPROF heap dump, plain or gzip (.hprof, .hprof.gz).")
    Path dump;

    @Option(names = "--top", paramLabel = "N", defaultValue = "25",
            description = "Histogram rows and dominators to show; 0 for all (default: ${DEFAULT-VALUE}, 1000 with"
                    + " --format html). Paths are given for the first 100 dominators.")
    int top;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (default for --format html: " + OutputFile.HTML_DEFAULT
                    + " in the current directory, never beside the dump).")
    Path output;

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
            int rows = format == OutputFormat.html && !spec.commandLine().getParseResult().hasMatchedOption("--top")
                    ? AnalyzeHtmlRenderer.HISTOGRAM_ROWS : top;
            AnalyzeReport report = phases.run("report",
                    () -> new AnalyzeReportBuilder(analysis, rows, inspector).build(dump.toString(), warnings));
            AnalyzeSections sections = phases.run("sections", () -> extras.build(report));
            if (format == OutputFormat.html || output != null) {
                Path file = OutputFile.write(output != null ? output : Path.of(OutputFile.HTML_DEFAULT),
                        out -> render(sections, out));
                spec.commandLine().getOut().println("Report written to " + file);
            } else {
                render(sections, spec.commandLine().getOut());
            }
            spec.commandLine().getOut().flush();
            phases.done();
            return ExitCode.OK.code();
        });
    }

    /** JSON is streamed (a --top 0 report can be tens of megabytes); the others are strings of bounded size. */
    private void render(AnalyzeSections sections, Writer out) {
        switch (format) {
            case json -> JsonRenderer.write(sections, out);
            case html -> OutputFile.print(out, AnalyzeHtmlRenderer.render(sections.report()));
            default -> OutputFile.print(out, AnalyzeSectionsTextRenderer.render(sections, common.verbose));
        }
    }
}

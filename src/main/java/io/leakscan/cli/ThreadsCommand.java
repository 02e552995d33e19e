package io.leakscan.cli;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.Threads;
import io.leakscan.heap.DumpContents;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.report.ThreadsReport;
import io.leakscan.report.ThreadsReportBuilder;
import io.leakscan.report.render.JsonRenderer;
import io.leakscan.report.render.ThreadsTextRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code leakscan threads DUMP}: every thread, its stack and what it holds. */
@Command(name = "threads", mixinStandardHelpOptions = true,
        description = "Every thread, biggest retained first: name, state, retained bytes, stack frames (when the dump"
                + " has them), and the biggest objects held by its frames and its ThreadLocal values.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage error", "3:unreadable, truncated or corrupt input",
            "4:not enough memory (the message says how much to give)", "5:internal error (a bug in leakscan)"})
public final class ThreadsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DUMP", description = "HPROF heap dump, plain or gzip (.hprof, .hprof.gz).")
    Path dump;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5",
            description = "Objects listed per thread (frames' and ThreadLocal values); 0 for all (default: ${DEFAULT-VALUE}).")
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
            int[] threads = Threads.threadObjects(analysis);
            DumpContents contents = phases.run("stacks and thread fields (one pass over the dump)",
                    () -> DumpContents.read(snapshot,
                            new DumpContents.Request(false, true, Threads.objectsToRead(snapshot, threads))));
            ThreadsReport report = ThreadsReportBuilder.build(analysis, contents, threads, top);
            if (format == OutputFormat.json) {
                JsonRenderer.write(report, spec.commandLine().getOut());
            } else {
                spec.commandLine().getOut().print(ThreadsTextRenderer.render(report));
                spec.commandLine().getOut().flush();
            }
            phases.done();
            return ExitCode.OK.code();
        });
    }
}

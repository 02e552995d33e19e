package io.leakscan.cli;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.Threads;
import io.leakscan.heap.DumpContents;
import io.leakscan.report.ThreadsReport;
import io.leakscan.report.ThreadsReportBuilder;
import io.leakscan.report.render.ThreadsTextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leakscan threads DUMP}: every thread, its stack and what it holds. */
@Command(name = "threads", mixinStandardHelpOptions = true,
        description = "Every thread, biggest retained first: name, state, retained bytes, stack frames (when the dump"
                + " has them), and the biggest objects held by its frames and its ThreadLocal values.",
        exitCodeListHeading = HelpText.EXIT_HEADING, exitCodeList = {
            HelpText.OK, HelpText.USAGE, HelpText.IO, HelpText.MEMORY, HelpText.INTERNAL, HelpText.TOO_LARGE},
        footer = HelpText.LAUNCHER)
public final class ThreadsCommand extends SingleDumpCommand<ThreadsReport> {
    @Option(names = "--top", paramLabel = "N", defaultValue = "5",
            description = "Objects listed per thread (frames' and ThreadLocal values); 0 for all (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    void checkOptions() {
        requireTopNotNegative(top);
    }

    @Override
    ThreadsReport report(HeapAnalysis analysis, Phases phases) {
        int[] threads = Threads.threadObjects(analysis);
        DumpContents contents = phases.run("stacks, thread fields (one pass)",
                () -> DumpContents.read(analysis.snapshot(),
                        new DumpContents.Request(false, true, Threads.objectsToRead(analysis.snapshot(), threads))));
        return ThreadsReportBuilder.build(analysis, contents, threads, top);
    }

    @Override
    String text(ThreadsReport report) {
        return ThreadsTextRenderer.render(report);
    }
}

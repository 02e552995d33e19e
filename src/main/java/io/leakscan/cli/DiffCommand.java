package io.leakscan.cli;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.diff.DiffAnalysis;
import io.leakscan.diff.DiffResult;
import io.leakscan.diff.DumpSummarizer;
import io.leakscan.diff.DumpSummary;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.report.render.DiffTextRenderer;
import io.leakscan.report.render.JsonRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscan diff BEFORE AFTER [LATER…]}: what grew between dumps, who holds it, how fast. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two or more dumps of one application, in time order: what grows, who holds it,"
                + " how fast. Each dump is analysed fully, one after the other.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "1:a gate was crossed", "2:usage error", "3:unreadable, truncated or corrupt input",
            "4:not enough memory (the message says how much to give)", "5:internal error (a bug in leakscan)"})
public final class DiffCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "DUMP", description = "Heap dumps in time order (plain or gzip).")
    List<Path> dumps;

    @Option(names = "--top", paramLabel = "N", defaultValue = "15",
            description = "Class rows to show; 0 for all (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--sort", paramLabel = "BY", defaultValue = "retained",
            description = "Order of the class table: retained, instances or shallow growth (default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = "--all", description = "Show every structure that grew, not only those past the thresholds.")
    boolean all;

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
        return Failures.guard(spec, common, dumps, () -> {
            if (!List.of("retained", "instances", "shallow").contains(sort)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--sort must be retained, instances or shallow, not '" + sort + "'");
            }
            if (top < 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top must be 0 or more");
            }
            Phases phases = new Phases(spec, common);
            List<DumpSummary> summaries = new ArrayList<>();
            for (Path dump : dumps) {
                // One dump at a time: peak memory is that of the largest dump, not the sum.
                summaries.add(phases.run("summarising " + dump, () -> summarize(dump)));
            }
            DiffResult result = DiffAnalysis.compare(summaries, new DiffAnalysis.Options(all, -1, sort, top));
            String text = format == OutputFormat.json ? JsonRenderer.render(result) : DiffTextRenderer.render(result, all);
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            phases.done();
            return ExitCode.OK.code();
        });
    }

    private DumpSummary summarize(Path dump) {
        HeapSnapshot snapshot = dumpOptions.load(dump);
        HeapAnalysis analysis = HeapAnalysis.of(snapshot, dumpOptions.keepUnreachable);
        return DumpSummarizer.summarize(analysis, dump.toString());
    }
}

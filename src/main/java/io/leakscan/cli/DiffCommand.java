package io.leakscan.cli;

import io.leakscan.diff.DiffAnalysis;
import io.leakscan.diff.DiffResult;
import io.leakscan.diff.DumpSummary;
import io.leakscan.diff.GateLimits;
import io.leakscan.diff.Gates;
import io.leakscan.report.render.DiffHtmlRenderer;
import io.leakscan.report.render.DiffJUnitRenderer;
import io.leakscan.report.render.DiffMarkdownRenderer;
import io.leakscan.report.render.DiffTextRenderer;
import io.leakscan.report.render.JsonRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code leakscan diff BEFORE AFTER [LATER…]}: what grew between dumps, who holds it, how fast; CI gates. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two or more dumps of one application, in time order: what grows, who holds it,"
                + " how fast. Each dump is analysed fully, one after the other. A summary saved by 'leakscan"
                + " summarize' can stand in for any dump. Gates (--max-growth, --max-class-growth,"
                + " --fail-on-suspects) make the run exit 1 when crossed.",
        exitCodeListHeading = HelpText.EXIT_HEADING, exitCodeList = {
            HelpText.OK, HelpText.GATE, HelpText.USAGE, HelpText.IO_DIFF, HelpText.MEMORY, HelpText.INTERNAL, HelpText.TOO_LARGE},
        footer = HelpText.LAUNCHER)
public final class DiffCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "DUMP",
            description = "Heap dumps (plain or gzip) or saved summaries, in time order.")
    List<Path> dumps;

    @Option(names = "--top", paramLabel = "N", defaultValue = "15",
            description = "Class rows to show; 0 for all (default: ${DEFAULT-VALUE}; with --format html, 1000).")
    int top;

    @Option(names = "--sort", paramLabel = "BY", defaultValue = "retained",
            description = "Order of the class table: retained, instances or shallow growth (default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = "--all", description = "Show every structure that grew, not only those past the thresholds (gates and the exit code"
                    + " do not change).")
    boolean all;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DiffFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the --format output to FILE; the text summary still goes to the terminal"
                    + " (default for --format html: " + OutputFile.HTML_DEFAULT + " in the current directory).")
    Path output;

    @Option(names = "--max-growth", paramLabel = "SIZE|PCT",
            description = "Gate: fail when the used heap grew by more than this, first dump to last"
                    + " (e.g. 10MB, 512KiB, 5%% of the first dump's used heap).")
    String maxGrowth;

    @Option(names = "--max-class-growth", paramLabel = "PATTERN=SIZE",
            description = "Gate: fail when any class matching PATTERN ('*' matches anything, e.g. 'com.acme.*')"
                    + " grew its retained size by more than SIZE. Repeatable.")
    List<String> maxClassGrowth = new ArrayList<>();

    @Option(names = "--fail-on-suspects", paramLabel = "SCORE", arity = "0..1", fallbackValue = "50",
            description = "Gate: fail when a leak suspect scores SCORE or more (0-100; default when given without a"
                    + " value: ${FALLBACK-VALUE}).")
    Integer failOnSuspects;

    @Option(names = "--allow-partial",
            description = "Evaluate the gates even when a dump is truncated (cut short while being written). Without"
                    + " it, gates on a truncated dump are not evaluated and the run exits 3; with it, every format"
                    + " says the verdict rests on partial data (JUnit XML: a test case in error).")
    boolean allowPartial;

    @Mixin
    DumpOptions dumpOptions;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GateLimits limits = limits();
        return Failures.guard(spec, common, dumps, () -> {
            Phases phases = new Phases(spec, common);
            List<DumpSummary> summaries = new ArrayList<>();
            for (Path dump : dumps) {
                // One dump at a time: peak memory is that of the largest dump, not the sum.
                summaries.add(DumpOrSummary.load(dump, dumpOptions, phases));
            }
            // Verdicts come from the default ranking: display options (--all, --top, --sort, --format) never
            // change which gates pass or the exit code.
            DiffResult verdictBase = DiffAnalysis.compare(summaries, new DiffAnalysis.Options(false, -1, "retained", 0));
            List<io.leakscan.diff.Gate> verdicts = Gates.evaluate(limits, verdictBase, verdictBase.classes(), allowPartial);
            DiffResult full = all || !sort.equals("retained")
                    ? DiffAnalysis.compare(summaries, new DiffAnalysis.Options(all, -1, sort, 0)) : verdictBase;
            boolean html = format == DiffFormat.html;
            int rows = html && !spec.commandLine().getParseResult().hasMatchedOption("--top") ? 0 : top;
            DiffResult result = full.withGates(verdicts).withTopClasses(rows);
            String rendered = render(result, format);
            if (output != null || html) {
                OutputFile.write(output != null ? output : Path.of(OutputFile.HTML_DEFAULT), rendered);
                spec.commandLine().getOut().print(DiffTextRenderer.render(html ? result.withTopClasses(top) : result, all));
            } else {
                spec.commandLine().getOut().print(rendered);
            }
            spec.commandLine().getOut().flush();
            phases.done();
            if (result.gatesNotEvaluated()) {
                // The report is out (it says so too); the exit code must not let a CI step go green.
                spec.commandLine().getErr().println("leakscan: gates not evaluated: " + Gates.partialInputs(result)
                        + ". A verdict on data that was not read is no verdict; --allow-partial evaluates the"
                        + " gates anyway.");
                return ExitCode.BAD_INPUT.code();
            }
            return result.failed() ? ExitCode.GATE_CROSSED.code() : ExitCode.OK.code();
        });
    }

    private String render(DiffResult result, DiffFormat f) {
        return switch (f) {
            case json -> JsonRenderer.render(result);
            case markdown -> DiffMarkdownRenderer.render(result);
            case junit -> DiffJUnitRenderer.render(result);
            case html -> DiffHtmlRenderer.render(result);
            default -> DiffTextRenderer.render(result, all);
        };
    }

    private GateLimits limits() {
        if (!List.of("retained", "instances", "shallow").contains(sort)) {
            throw new ParameterException(spec.commandLine(), "--sort must be retained, instances or shallow, not '" + sort + "'");
        }
        if (top < 0) {
            throw new ParameterException(spec.commandLine(), "--top must be 0 or more");
        }
        if (failOnSuspects != null && (failOnSuspects < 0 || failOnSuspects > 100)) {
            throw new ParameterException(spec.commandLine(), "--fail-on-suspects takes a score from 0 to 100");
        }
        try {
            List<GateLimits.ClassLimit> classLimits = new ArrayList<>();
            for (String c : maxClassGrowth) {
                classLimits.add(GateLimits.ClassLimit.parse(c));
            }
            return new GateLimits(maxGrowth == null ? null : GateLimits.Limit.parse(maxGrowth), classLimits,
                    failOnSuspects == null ? -1 : failOnSuspects);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}

package io.leakscan.cli;

import io.leakscan.diff.DiffAnalysis;
import io.leakscan.diff.DiffResult;
import io.leakscan.diff.DumpSummary;
import io.leakscan.diff.Gate;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The report and gate options of {@code diff}, and the report itself, shared by the commands that end in a
 * diff ({@code diff}, {@code capture}, {@code watch}) so their gates and output are the same (a picocli
 * mixin). Works on summaries already in memory: reads no file. Not thread-safe.
 */
public final class DiffReport {
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

    /** Checks the options and parses the gates; a usage error (exit 2) before any work is done. */
    GateLimits limits(CommandSpec spec) {
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

    /** The text report of the series so far, without gates (watch prints it after each dump). */
    String interim(List<DumpSummary> summaries) {
        DiffResult r = DiffAnalysis.compare(summaries, new DiffAnalysis.Options(all, -1, sort, 0));
        return DiffTextRenderer.render(r.withTopClasses(top), all);
    }

    /**
     * Compares the summaries, evaluates the gates, prints or writes the report as {@code diff} does, and
     * returns the exit code: 0, 1 when a gate was crossed, 3 when gates rest on a truncated dump.
     */
    int report(CommandSpec spec, GateLimits limits, List<DumpSummary> summaries) {
        // Verdicts come from the default ranking: display options (--all, --top, --sort, --format) never
        // change which gates pass or the exit code.
        DiffResult verdictBase = DiffAnalysis.compare(summaries, new DiffAnalysis.Options(false, -1, "retained", 0));
        List<Gate> verdicts = Gates.evaluate(limits, verdictBase, verdictBase.classes(), allowPartial);
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
        if (result.gatesNotEvaluated()) {
            // The report is out (it says so too); the exit code must not let a CI step go green.
            spec.commandLine().getErr().println("leakscan: gates not evaluated: " + Gates.partialInputs(result)
                    + ". A verdict on data that was not read is no verdict; --allow-partial evaluates the"
                    + " gates anyway.");
            return ExitCode.BAD_INPUT.code();
        }
        return result.failed() ? ExitCode.GATE_CROSSED.code() : ExitCode.OK.code();
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
}

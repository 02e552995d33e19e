package io.leakscan.cli;

import io.leakscan.diff.DumpSummary;
import io.leakscan.diff.GateLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    DiffReport report;

    @Mixin
    DumpOptions dumpOptions;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GateLimits limits = report.limits(spec);
        return Failures.guard(spec, common, dumps, () -> {
            Phases phases = new Phases(spec, common);
            List<DumpSummary> summaries = new ArrayList<>();
            for (Path dump : dumps) {
                // One dump at a time: peak memory is that of the largest dump, not the sum.
                summaries.add(DumpOrSummary.load(dump, dumpOptions, phases));
            }
            int exit = report.report(spec, limits, summaries);
            phases.done();
            return exit;
        });
    }
}

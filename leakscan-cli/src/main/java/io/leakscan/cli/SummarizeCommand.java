package io.leakscan.cli;

import io.leakscan.diff.DumpSummarizer;
import io.leakscan.diff.DumpSummary;
import io.leakscan.report.SummaryJson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscan summarize DUMP -o baseline.json}: a small summary that {@code diff} accepts in place of the dump. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Write a small summary of a dump (per-class counts and sizes, the biggest containers with their"
                + " paths, sizes and element counts) that 'leakscan diff' accepts wherever it accepts a dump: keep it"
                + " in the repository or as a CI artifact instead of the dump.",
        exitCodeListHeading = HelpText.EXIT_HEADING, exitCodeList = {
            HelpText.OK, HelpText.USAGE, HelpText.IO, HelpText.MEMORY, HelpText.INTERNAL, HelpText.TOO_LARGE},
        footer = HelpText.LAUNCHER)
public final class SummarizeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DUMP", description = "HPROF heap dump, plain or gzip.")
    Path dump;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the summary (default: stdout).")
    Path output;

    @Mixin
    DumpOptions dumpOptions;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return Failures.guard(spec, common, List.of(dump), () -> {
            Phases phases = new Phases(spec, common);
            DumpSummary summary = DumpOrSummary.load(dump, dumpOptions, phases).forSaving(DumpSummarizer.SAVED_GROUPS);
            if (output == null) {
                spec.commandLine().getOut().print(SummaryJson.toJson(summary));
                spec.commandLine().getOut().flush();
            } else {
                OutputFile.write(output, SummaryJson.toJson(summary));
            }
            phases.done();
            return ExitCode.OK.code();
        });
    }
}

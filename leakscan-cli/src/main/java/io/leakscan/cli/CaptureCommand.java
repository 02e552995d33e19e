package io.leakscan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code leakscan capture PID}: N dumps of a running JVM at an interval, then the {@code diff} report. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Attach to a local JVM, take --count heap dumps --every DURATION (named with the PID and UTC"
                + " time, gzip by the JVM), then print the 'diff' report of the series. Refuses a dump the disk"
                + " cannot hold. Each dump pauses the JVM while it is written; the time is shown. Ctrl-C keeps the"
                + " complete dumps and removes a partial one. Gates work as in 'diff'.",
        exitCodeListHeading = HelpText.EXIT_HEADING, exitCodeList = {
            HelpText.OK, HelpText.GATE, HelpText.USAGE, HelpText.IO_CAPTURE, HelpText.MEMORY, HelpText.INTERNAL,
            HelpText.TOO_LARGE},
        footer = HelpText.LAUNCHER)
public final class CaptureCommand implements Callable<Integer> {
    @Option(names = "--count", paramLabel = "N", defaultValue = "3",
            description = "Dumps to take (default: ${DEFAULT-VALUE}).")
    int count;

    @Mixin
    CaptureOptions capture;

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
        if (count < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--count must be 1 or more");
        }
        return new SeriesCapture(spec, common, capture, dumpOptions, report).run(count, 0, false);
    }
}

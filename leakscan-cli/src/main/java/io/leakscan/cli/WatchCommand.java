package io.leakscan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code leakscan watch PID}: as {@code capture}, with the trend so far printed after each dump. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "As 'capture', but prints the trend after each new dump (what grew, and with three dumps or"
                + " more what grew in every interval so far), and stops after --count dumps or --duration,"
                + " whichever comes first; the last report carries the gates.",
        exitCodeListHeading = HelpText.EXIT_HEADING, exitCodeList = {
            HelpText.OK, HelpText.GATE, HelpText.USAGE, HelpText.IO_CAPTURE, HelpText.MEMORY, HelpText.INTERNAL,
            HelpText.TOO_LARGE},
        footer = HelpText.LAUNCHER)
public final class WatchCommand implements Callable<Integer> {
    @Option(names = "--count", paramLabel = "N",
            description = "Stop after N dumps (default: 10 without --duration, no limit with it).")
    Integer count;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop once this long has passed since the first dump: 30m, 2h…")
    String duration;

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
        long durationMillis = 0;
        if (duration != null) {
            try {
                durationMillis = CaptureOptions.parseDuration("--duration", duration).toMillis();
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        int n = count != null ? count : duration != null ? 0 : 10;
        if (n < 0 || (count != null && count < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--count must be 1 or more");
        }
        return new SeriesCapture(spec, common, capture, dumpOptions, report).run(n, durationMillis, true);
    }
}

package io.leakscan.cli;

import picocli.CommandLine.Option;

/** Options every subcommand shares (a picocli mixin). */
public final class CommonOptions {
    @Option(names = {"-v", "--verbose"}, description = "Print phase timings and memory to stderr; stack traces on errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing to stderr but errors.")
    boolean quiet;
}

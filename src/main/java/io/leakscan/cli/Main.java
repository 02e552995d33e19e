package io.leakscan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code leakscan <command> …}. */
@Command(name = "leakscan", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Fast, exact heap dump analysis: retained sizes, leak suspects, what grows between dumps.",
        subcommands = {AnalyzeCommand.class, DiffCommand.class, SummarizeCommand.class, InspectCommand.class,
            PathsCommand.class, WasteCommand.class, ThreadsCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "1:a gate was crossed (diff thresholds)", "2:usage error",
            "3:unreadable, truncated or corrupt input", "4:not enough memory (the message says how much to give)",
            "5:internal error (a bug in leakscan)"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /** A configured command line; tests set their own writers on it. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(t -> ExitCode.INTERNAL_ERROR.code());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("leakscan: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE.code();
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the jar manifest (or "dev" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"leakscan " + (v != null ? v : "dev")};
        }
    }
}

package io.leakscan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code leakscan <command> …}. */
@Command(name = "leakscan", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Fast, exact heap dump analysis: retained sizes, leak suspects, what grows between dumps.",
        subcommands = {AnalyzeCommand.class, DiffCommand.class, CaptureCommand.class, WatchCommand.class, SummarizeCommand.class, InspectCommand.class,
            PathsCommand.class, WasteCommand.class, ThreadsCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = HelpText.EXIT_HEADING, exitCodeList = {
            HelpText.OK, HelpText.GATE, HelpText.USAGE, HelpText.IO, HelpText.MEMORY, HelpText.INTERNAL, HelpText.TOO_LARGE},
        footer = HelpText.LAUNCHER)
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        try {
            return newCommandLine().execute(args);
        } catch (Throwable t) {
            // Whatever escapes the commands' own handling (an Error in picocli's set-up, say) is still a
            // crash, exit 5, never the 1 an uncaught throwable gives, which CI reads as a crossed gate.
            boolean verbose = java.util.Arrays.asList(args).contains("-v")
                    || java.util.Arrays.asList(args).contains("--verbose");
            java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
            Failures.internalError(err, verbose, t);
            return ExitCode.INTERNAL_ERROR.code();
        }
    }

    /** A configured command line; tests set their own writers on it. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(ConsoleWriters.stdout());
        cl.setErr(ConsoleWriters.stderr());
        cl.setExitCodeExceptionMapper(t -> ExitCode.INTERNAL_ERROR.code());
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            boolean verbose = parsed.hasMatchedOption("-v") || parsed.subcommands().stream()
                    .anyMatch(p -> p.hasMatchedOption("-v"));
            Failures.internalError(c.getErr(), verbose, ex);
            return ExitCode.INTERNAL_ERROR.code();
        });
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

    /**
     * The version the build wrote into {@code version.properties} (Maven resource filtering), so the jar,
     * the classes folder and the launcher all print the real one.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"leakscan " + version()};
        }

        static String version() {
            try (java.io.InputStream in = Main.class.getResourceAsStream("version.properties")) {
                java.util.Properties p = new java.util.Properties();
                if (in != null) {
                    p.load(in);
                }
                String v = p.getProperty("version", "");
                // Unfiltered (an IDE copying resources without Maven): say so rather than print a placeholder.
                return v.isEmpty() || v.startsWith("${") ? "unknown (not built with Maven)" : v;
            } catch (java.io.IOException e) {
                return "unknown (" + e.getMessage() + ")";
            }
        }
    }
}

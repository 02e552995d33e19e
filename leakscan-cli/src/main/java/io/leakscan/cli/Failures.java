package io.leakscan.cli;

import io.leakscan.hprof.HprofFormatException;
import io.leakscan.util.LimitExceededException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Maps failures to one clear line on stderr and a documented exit code; a stack trace only with
 * {@code --verbose}. Stateless.
 */
final class Failures {
    private Failures() {
    }

    static int guard(CommandSpec spec, CommonOptions common, List<Path> inputs, Callable<Integer> body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.call();
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (HprofFormatException e) {
            err.println("leakscan: " + e.getMessage());
            trace(err, common, e);
            return ExitCode.BAD_INPUT.code();
        } catch (LimitExceededException e) {
            err.println("leakscan: " + describe(inputs) + e.getMessage() + " (docs/memory.md, \"Limits\")");
            trace(err, common, e);
            return ExitCode.TOO_LARGE.code();
        } catch (IoFailure e) {
            err.println("leakscan: " + e.getMessage());
            trace(err, common, e);
            return ExitCode.BAD_INPUT.code();
        } catch (OutOfMemoryError e) {
            err.println("leakscan: " + outOfMemoryMessage(inputs));
            trace(err, common, e);
            return ExitCode.OUT_OF_MEMORY.code();
        } catch (Throwable e) {
            // Any other Error too (StackOverflowError, NoClassDefFoundError of a broken install…): escaping,
            // it would exit 1, which CI reads as "a gate was crossed". A crash must never look like a verdict.
            internalError(err, common.verbose, e);
            return ExitCode.INTERNAL_ERROR.code();
        } finally {
            err.flush();
        }
    }

    private static String describe(List<Path> inputs) {
        return inputs.size() == 1 ? inputs.get(0) + ": " : "";
    }

    /** The internal-error lines (exit 5): what failed, that it is a bug, and the trace only when verbose. */
    static void internalError(PrintWriter err, boolean verbose, Throwable e) {
        err.println("leakscan: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
        err.println("This is a bug in leakscan; please report it with the command line and, if you can, the dump.");
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    private static void trace(PrintWriter err, CommonOptions common, Throwable t) {
        if (common.verbose) {
            t.printStackTrace(err);
        }
    }

    /** How much heap to give, from the model's documented budget (see docs/memory.md). */
    static String outOfMemoryMessage(List<Path> inputs) {
        long largest = 0;
        for (Path p : inputs) {
            try {
                long size = Files.size(p);
                // A gzip dump is typically 4–6 times smaller than the dump itself.
                boolean gz = p.getFileName().toString().endsWith(".gz");
                largest = Math.max(largest, gz ? size * 6 : size);
            } catch (Exception ignored) {
                // the size is only for the hint
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        // At least half as much again as what was not enough, whatever the rule says.
        long needed = Math.max(MemoryBudget.heapNeededBytes(largest), max + max / 2);
        long gib = Math.max(1, (needed + (1L << 30) - 1) >> 30);
        return "not enough memory: the JVM's maximum heap is " + (max >> 20) + " MiB, and analysing a dump of "
                + (largest >> 20) + " MiB needs about " + gib + " GiB. Give more with 'bin/leakscan --heap " + gib
                + "g …' or JAVA_OPTS=-Xmx" + gib + "g.";
    }
}

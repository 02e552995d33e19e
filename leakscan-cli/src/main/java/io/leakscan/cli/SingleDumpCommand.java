package io.leakscan.cli;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.report.render.JsonRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The shape every second-step command ({@code inspect}, {@code paths}, {@code threads}, {@code waste})
 * shares: read one dump, run the exact analysis, build a report, write it as text or JSON, with the
 * common options and the documented failures. Subclasses supply the report. Not thread-safe.
 *
 * @param <R> the report record
 */
abstract class SingleDumpCommand<R> implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DUMP", description = "HPROF heap dump, plain or gzip (.hprof, .hprof.gz).")
    Path dump;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    DumpOptions dumpOptions;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        return Failures.guard(spec, common, List.of(dump), () -> {
            checkOptions();
            Phases phases = new Phases(spec, common);
            HeapSnapshot snapshot = dumpOptions.load(dump, phases);
            checkSnapshot(snapshot);
            HeapAnalysis analysis = phases.run("dominator tree and retained sizes",
                    () -> HeapAnalysis.of(snapshot, dumpOptions.keepUnreachable));
            R report = report(analysis, phases);
            if (format == OutputFormat.json) {
                JsonRenderer.write(report, spec.commandLine().getOut());
            } else {
                spec.commandLine().getOut().print(text(report));
                spec.commandLine().getOut().flush();
            }
            phases.done();
            return ExitCode.OK.code();
        });
    }

    /** Usage checks before the dump is read; throw {@link #usage} for a usage error. */
    void checkOptions() {
    }

    /** Checks against the loaded dump (names of classes, addresses) before the analysis runs. */
    void checkSnapshot(HeapSnapshot snapshot) {
    }

    /** The report, from the analysis (phases named for {@code --verbose}). */
    abstract R report(HeapAnalysis analysis, Phases phases);

    /** The report as text for people. */
    abstract String text(R report);

    /** A usage error (exit code 2) with this message. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The usual check of {@code --top}. */
    void requireTopNotNegative(int top) {
        if (top < 0) {
            throw usage("--top must be 0 or more");
        }
    }

    /** The class indices named {@code name} (with subclasses when asked), or a usage error naming the dump. */
    int[] classesNamed(HeapSnapshot snapshot, String name, boolean subclasses) {
        int[] classes = io.leakscan.analysis.ClassInstances.named(snapshot.classes(), name, subclasses);
        if (classes.length == 0) {
            throw usage("no class " + name + " in " + dump
                    + " (use the Java name: java.util.HashMap$Node, int[], java.lang.String[])");
        }
        return classes;
    }
}

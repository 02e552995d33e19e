package io.leakscan.cli;

import io.leakscan.analysis.ClassInstances;
import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.report.PathsReport;
import io.leakscan.report.PathsReportBuilder;
import io.leakscan.report.render.JsonRenderer;
import io.leakscan.report.render.PathsTextRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code leakscan paths DUMP --class NAME}: merged shortest paths from the GC roots to a class's instances. */
@Command(name = "paths", mixinStandardHelpOptions = true,
        description = "The shortest paths from the GC roots to a class's instances, merged into one tree (MAT's"
                + " \"merge shortest paths to GC roots\"), with the instances and their sizes per branch.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage error (also: no such class in the dump)", "3:unreadable, truncated or corrupt input",
            "4:not enough memory (the message says how much to give)", "5:internal error (a bug in leakscan)"})
public final class PathsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DUMP", description = "HPROF heap dump, plain or gzip (.hprof, .hprof.gz).")
    Path dump;

    @Option(names = "--class", paramLabel = "NAME", required = true,
            description = "The class whose instances the paths lead to (Java name, e.g. java.util.HashMap$Node or byte[]).")
    String className;

    @Option(names = "--subclasses", description = "Instances of subclasses are targets too.")
    boolean subclasses;

    @Option(names = "--include-weak",
            description = "Follow weak, soft, phantom and finalizer references too (excluded by default, as in MAT).")
    boolean includeWeak;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Branches listed per node, most instances first; 0 for all (default: ${DEFAULT-VALUE}).")
    int top;

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
    public Integer call() {
        return Failures.guard(spec, common, List.of(dump), () -> {
            if (top < 0) {
                throw new ParameterException(spec.commandLine(), "--top must be 0 or more");
            }
            Phases phases = new Phases(spec, common);
            HeapSnapshot snapshot = dumpOptions.load(dump, phases);
            int[] classes = ClassInstances.named(snapshot.classes(), className, subclasses);
            if (classes.length == 0) {
                throw new ParameterException(spec.commandLine(), "no class " + className + " in " + dump
                        + " (use the Java name: java.util.HashMap$Node, int[], java.lang.String[])");
            }
            HeapAnalysis analysis = phases.run("dominator tree and retained sizes",
                    () -> HeapAnalysis.of(snapshot, dumpOptions.keepUnreachable));
            PathsReport report = phases.run("paths", () -> new PathsReportBuilder(analysis, top)
                    .build(dump.toString(), className, classes, subclasses, includeWeak));
            if (format == OutputFormat.json) {
                JsonRenderer.write(report, spec.commandLine().getOut());
            } else {
                spec.commandLine().getOut().print(PathsTextRenderer.render(report));
                spec.commandLine().getOut().flush();
            }
            phases.done();
            return ExitCode.OK.code();
        });
    }
}

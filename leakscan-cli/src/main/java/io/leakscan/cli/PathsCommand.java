package io.leakscan.cli;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.report.PathsReport;
import io.leakscan.report.PathsReportBuilder;
import io.leakscan.report.render.PathsTextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leakscan paths DUMP --class NAME}: merged shortest paths from the GC roots to a class's instances. */
@Command(name = "paths", mixinStandardHelpOptions = true,
        description = "The shortest paths from the GC roots to a class's instances, merged into one tree (MAT's"
                + " \"merge shortest paths to GC roots\"), with the instances and their sizes per branch.",
        exitCodeListHeading = HelpText.EXIT_HEADING, exitCodeList = {
            HelpText.OK, "2:usage error (also: no such class in the dump)", HelpText.IO, HelpText.MEMORY, HelpText.INTERNAL, HelpText.TOO_LARGE},
        footer = HelpText.LAUNCHER)
public final class PathsCommand extends SingleDumpCommand<PathsReport> {
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

    private int[] classes;

    @Override
    void checkOptions() {
        requireTopNotNegative(top);
    }

    @Override
    void checkSnapshot(HeapSnapshot snapshot) {
        classes = classesNamed(snapshot, className, subclasses);
    }

    @Override
    PathsReport report(HeapAnalysis analysis, Phases phases) {
        return phases.run("paths", () -> new PathsReportBuilder(analysis, top)
                .build(dump.toString(), className, classes, subclasses, includeWeak));
    }

    @Override
    String text(PathsReport report) {
        return PathsTextRenderer.render(report);
    }
}

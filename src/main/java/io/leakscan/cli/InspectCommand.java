package io.leakscan.cli;

import io.leakscan.analysis.ClassInstances;
import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.report.InspectReport;
import io.leakscan.report.InspectReportBuilder;
import io.leakscan.report.render.InspectTextRenderer;
import io.leakscan.report.render.JsonRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code leakscan inspect DUMP OBJECT… [--class NAME]}: objects and classes in detail. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Inspect objects (by address, as leakscan prints them) or a class's instances: class, shallow and"
                + " retained bytes, retained object count, immediate dominator, the objects it dominates, field values,"
                + " referrers and the shortest path from a GC root.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage error (also: no such object or class in the dump)",
            "3:unreadable, truncated or corrupt input",
            "4:not enough memory (the message says how much to give)", "5:internal error (a bug in leakscan)"})
public final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DUMP", description = "HPROF heap dump, plain or gzip (.hprof, .hprof.gz).")
    Path dump;

    @Parameters(index = "1..*", paramLabel = "OBJECT", arity = "0..*",
            description = "Object addresses, e.g. 0x81a85730 (as analyze prints them).")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--class", paramLabel = "NAME",
            description = "A class (Java name, e.g. java.util.HashMap or byte[]): instance count, shallow and retained"
                    + " totals, and its biggest instances in detail. Repeatable.")
    List<String> classNames = new ArrayList<>();

    @Option(names = "--subclasses", description = "With --class: count instances of subclasses too.")
    boolean subclasses;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Biggest instances of a class and dominated objects listed; 0 for all (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--referrers", description = "Also list the objects that refer to each inspected object.")
    boolean referrers;

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
            if (addresses.isEmpty() && classNames.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "give at least one OBJECT address or --class NAME");
            }
            long[] ids = new long[addresses.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = parseAddress(addresses.get(i));
            }
            Phases phases = new Phases(spec, common);
            HeapSnapshot snapshot = dumpOptions.load(dump, phases);
            int[] objects = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                objects[i] = snapshot.indexOf(ids[i]);
                if (objects[i] < 0) {
                    throw new ParameterException(spec.commandLine(), "no object at " + addresses.get(i) + " in " + dump);
                }
            }
            List<InspectReportBuilder.ClassQuery> queries = new ArrayList<>();
            for (String name : classNames) {
                int[] classes = ClassInstances.named(snapshot.classes(), name, subclasses);
                if (classes.length == 0) {
                    throw new ParameterException(spec.commandLine(), "no class " + name + " in " + dump
                            + " (use the Java name: java.util.HashMap$Node, int[], java.lang.String[])");
                }
                queries.add(new InspectReportBuilder.ClassQuery(name, classes, subclasses));
            }
            HeapAnalysis analysis = phases.run("dominator tree and retained sizes",
                    () -> HeapAnalysis.of(snapshot, dumpOptions.keepUnreachable));
            InspectReport report = phases.run("report",
                    () -> new InspectReportBuilder(analysis, top, referrers).build(dump.toString(), objects, queries));
            if (format == OutputFormat.json) {
                JsonRenderer.write(report, spec.commandLine().getOut());
            } else {
                spec.commandLine().getOut().print(InspectTextRenderer.render(report));
                spec.commandLine().getOut().flush();
            }
            phases.done();
            return ExitCode.OK.code();
        });
    }

    private long parseAddress(String text) {
        String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        try {
            return Long.parseUnsignedLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "not an object address: " + text + " (expected e.g. 0x81a85730)");
        }
    }
}

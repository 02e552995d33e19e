package io.leakscan.cli;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.report.InspectReport;
import io.leakscan.report.InspectReportBuilder;
import io.leakscan.report.render.InspectTextRenderer;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscan inspect DUMP OBJECT… [--class NAME]}: objects and classes in detail. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Inspect objects (by address, as leakscan prints them) or a class's instances: class, shallow and"
                + " retained bytes, retained object count, immediate dominator, the objects it dominates, field values,"
                + " referrers and the shortest path from a GC root.",
        exitCodeListHeading = HelpText.EXIT_HEADING, exitCodeList = {
            HelpText.OK, "2:usage error (also: no such object or class in the dump)", HelpText.IO, HelpText.MEMORY, HelpText.INTERNAL, HelpText.TOO_LARGE},
        footer = HelpText.LAUNCHER)
public final class InspectCommand extends SingleDumpCommand<InspectReport> {
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

    private long[] ids;
    private int[] objects;
    private final List<InspectReportBuilder.ClassQuery> queries = new ArrayList<>();

    @Override
    void checkOptions() {
        requireTopNotNegative(top);
        if (addresses.isEmpty() && classNames.isEmpty()) {
            throw usage("give at least one OBJECT address or --class NAME");
        }
        ids = new long[addresses.size()];
        for (int i = 0; i < ids.length; i++) {
            String text = addresses.get(i);
            String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
            try {
                ids[i] = Long.parseUnsignedLong(hex, 16);
            } catch (NumberFormatException e) {
                throw usage("not an object address: " + text + " (expected e.g. 0x81a85730)");
            }
        }
    }

    @Override
    void checkSnapshot(HeapSnapshot snapshot) {
        objects = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            objects[i] = snapshot.indexOf(ids[i]);
            if (objects[i] < 0) {
                throw usage("no object at " + addresses.get(i) + " in " + dump);
            }
        }
        for (String name : classNames) {
            queries.add(new InspectReportBuilder.ClassQuery(name, classesNamed(snapshot, name, subclasses), subclasses));
        }
    }

    @Override
    InspectReport report(HeapAnalysis analysis, Phases phases) {
        return phases.run("report",
                () -> new InspectReportBuilder(analysis, top, referrers).build(dump.toString(), objects, queries));
    }

    @Override
    String text(InspectReport report) {
        return InspectTextRenderer.render(report);
    }
}

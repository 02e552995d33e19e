package io.leakscan.report.render;

import io.leakscan.report.PathsReport;
import io.leakscan.util.Sizes;
import java.util.Locale;

/** Renders a {@link PathsReport} as an indented tree. Stateless. */
public final class PathsTextRenderer {
    /** Deeper levels are indented no further (a long chain would otherwise run off the screen). */
    private static final int MAX_INDENT = 30;

    private PathsTextRenderer() {
    }

    public static String render(PathsReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Merged shortest paths from GC roots to ").append(AnalyzeTextRenderer.number(r.instances()))
                .append(" instances of ").append(r.className()).append(r.includesSubclasses() ? " and subclasses" : "")
                .append('\n');
        out.append(r.includesWeakReferences() ? "  (weak, soft, phantom and finalizer references followed)\n"
                : "  (weak, soft, phantom and finalizer references excluded; --include-weak to follow them)\n");
        if (r.unreachedInstances() > 0) {
            out.append("  ").append(AnalyzeTextRenderer.number(r.unreachedInstances()))
                    .append(" instances have no path without those references\n");
        }
        out.append(String.format(Locale.ROOT, "%n%9s %10s %10s  %s%n", "Instances", "Shallow", "Retained", "Path"));
        for (PathsReport.Node n : r.nodes()) {
            String indent = "  ".repeat(Math.min(n.depth(), MAX_INDENT));
            String via = n.reference() == null ? "" : n.reference() + ": ";
            String root = n.gcRootKinds().isEmpty() ? "" : " [GC root: " + String.join(", ", n.gcRootKinds()) + "]";
            String more = n.omittedBranches() == 0 ? "" : String.format(Locale.ROOT,
                    "  (+%d more branches to %s instances)", n.omittedBranches(),
                    AnalyzeTextRenderer.number(n.omittedInstances()));
            out.append(String.format(Locale.ROOT, "%9s %10s %10s  %s%s%s%s%s%n", AnalyzeTextRenderer.number(n.instances()),
                    Sizes.human(n.shallowBytes()), Sizes.human(n.retainedBytes()), indent,
                    n.depth() > MAX_INDENT ? "(" + n.depth() + ") " : "", via + n.label(), root, more));
        }
        if (r.omittedRoots() > 0) {
            out.append(String.format(Locale.ROOT, "%9s %10s %10s  … %d more GC roots%n",
                    AnalyzeTextRenderer.number(r.omittedRootInstances()), "", "", r.omittedRoots()));
        }
        out.append("\nInstances: targets reached through the branch; Shallow and Retained: their totals"
                + " (retained sizes of targets summed).\n");
        return out.toString();
    }
}

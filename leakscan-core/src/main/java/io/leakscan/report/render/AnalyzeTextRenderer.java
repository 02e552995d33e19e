package io.leakscan.report.render;

import io.leakscan.report.AnalyzeReport;
import io.leakscan.report.DominatorEntry;
import io.leakscan.report.GcRootCount;
import io.leakscan.report.HistogramRow;
import io.leakscan.report.LeakSuspectEntry;
import io.leakscan.report.PathStep;
import io.leakscan.util.Sizes;
import io.leakscan.report.SnapshotSummary;
import java.util.List;
import java.util.Locale;

/** Renders an {@link AnalyzeReport} for people: summary, suspects, biggest objects, histogram. Stateless. */
public final class AnalyzeTextRenderer {
    private AnalyzeTextRenderer() {
    }

    public static String render(AnalyzeReport r) {
        return render(r, false);
    }

    /**
     * @param verbose also say what is usual: the references to objects missing from the dump that every
     *                healthy HotSpot dump has (from arrays; see docs/semantics.md)
     */
    public static String render(AnalyzeReport r, boolean verbose) {
        StringBuilder out = new StringBuilder();
        for (String w : r.warnings()) {
            out.append("WARNING: ").append(w).append('\n');
        }
        SnapshotSummary s = r.snapshot();
        out.append("Heap dump ").append(s.file());
        if (s.heapDumps() > 1) {
            out.append(" (dump #").append(s.heapDump()).append(" of ").append(s.heapDumps()).append(')');
        }
        out.append('\n');
        out.append("  format       ").append(s.formatVersion()).append(", ").append(s.idSize() * 8).append("-bit ids")
                .append(s.compressedOops() ? ", compressed oops" : "").append('\n');
        out.append("  taken        ").append(s.timestamp()).append('\n');
        out.append("  used heap    ").append(Sizes.human(s.usedHeapBytes())).append(" (")
                .append(number(s.usedHeapBytes())).append(" bytes)\n");
        out.append("  objects      ").append(number(s.objects())).append(" in ").append(number(s.classes()))
                .append(" classes, ").append(number(s.gcRoots())).append(" GC roots\n");
        out.append("  unreachable  ").append(number(s.unreachableObjects())).append(" objects, ")
                .append(Sizes.human(s.unreachableBytes())).append(" (not counted above)\n");
        long fromFields = s.danglingReferences() - s.danglingReferencesFromArrays();
        if (fromFields > 0) {
            // Unusual: a healthy dump names missing objects only from arrays. Worth a look at the dump.
            out.append("  dangling     ").append(number(s.danglingReferences()))
                    .append(" references to objects missing from the dump (ignored), ").append(number(fromFields))
                    .append(" of them from fields, which a healthy HotSpot dump does not have\n");
        } else if (verbose && s.danglingReferences() > 0) {
            out.append("  dangling     ").append(number(s.danglingReferences()))
                    .append(" references from arrays to objects the JVM left out of the dump (usual; ignored, as MAT"
                            + " does)\n");
        }

        out.append("\nLeak suspects (retaining more than 10% of the heap)\n");
        if (r.suspects().isEmpty()) {
            out.append("  none\n");
        }
        for (LeakSuspectEntry e : r.suspects()) {
            out.append(String.format(Locale.ROOT, "  %d. %s\n", e.rank(), e.description()));
            if (e.accumulationPoint() != null && !e.accumulationPoint().object().equals(e.suspect().object())) {
                out.append(String.format(Locale.ROOT, "     accumulates in %s (%s, %.1f%%)\n",
                        e.accumulationPoint().object(), Sizes.human(e.accumulationPoint().retainedBytes()),
                        e.accumulationPoint().retainedPercent()));
            }
            if (e.container() != null) {
                out.append(String.format(Locale.ROOT, "     container: %s with %,d entries%s\n", e.container(),
                        e.entries(), e.holder() == null ? "" : ", held by " + e.holder()));
            }
            if (!e.kind().equals("class")) {
                path(out, e.pathFromGcRoot(), "     ");
            }
        }

        out.append("\nBiggest objects (top-level dominators)\n");
        Table dom = new Table(new String[] {"Retained", "%", "Shallow", "Object"},
                new boolean[] {true, true, true, false});
        for (DominatorEntry d : r.dominators()) {
            dom.add(Sizes.human(d.object().retainedBytes()),
                    String.format(Locale.ROOT, "%.1f", d.object().retainedPercent()),
                    Sizes.human(d.object().shallowBytes()), d.object().object());
        }
        dom.render(out, "  ");
        int shown = Math.min(5, r.dominators().size());
        if (shown > 0) {
            out.append("\n  Paths from GC roots (top ").append(shown).append(")\n");
            for (int i = 0; i < shown; i++) {
                DominatorEntry d = r.dominators().get(i);
                out.append("  ").append(d.object().object()).append('\n');
                path(out, d.pathFromGcRoot(), "    ");
            }
        }

        out.append("\nClass histogram by retained size (top ").append(r.histogram().size()).append(")\n");
        histogram(out, r.histogram());

        out.append("\nGC roots: ");
        List<GcRootCount> roots = r.gcRoots();
        for (int i = 0; i < roots.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(roots.get(i).kind()).append(' ').append(number(roots.get(i).objects()));
        }
        out.append('\n');
        return out.toString();
    }

    static void histogram(StringBuilder out, List<HistogramRow> rows) {
        Table t = new Table(new String[] {"Instances", "Shallow", "Retained", "Class"},
                new boolean[] {true, true, true, false});
        for (HistogramRow h : rows) {
            t.add(number(h.instances()), Sizes.human(h.shallowBytes()), Sizes.human(h.retainedBytes()), h.className());
        }
        t.render(out, "  ");
    }

    static void path(StringBuilder out, List<PathStep> steps, String indent) {
        if (steps.isEmpty()) {
            return;
        }
        out.append(indent).append("path: ");
        for (int i = 0; i < steps.size(); i++) {
            out.append(i == 0 ? "" : " → ").append(steps.get(i).label());
        }
        out.append('\n');
    }

    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}

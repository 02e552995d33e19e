package io.leakscan.report.render;

import io.leakscan.report.InspectReport;
import io.leakscan.report.ObjectRef;
import io.leakscan.util.Sizes;
import java.util.List;
import java.util.Locale;

/** Renders an {@link InspectReport} for people. Stateless. */
public final class InspectTextRenderer {
    private InspectTextRenderer() {
    }

    public static String render(InspectReport r) {
        StringBuilder out = new StringBuilder();
        for (InspectReport.InspectedClass c : r.classes()) {
            out.append("Class ").append(c.className()).append(c.includesSubclasses() ? " and subclasses" : "").append('\n');
            if (c.classes().size() > 1 || c.includesSubclasses()) {
                out.append("  classes    ").append(String.join(", ", c.classes())).append('\n');
            }
            out.append("  instances  ").append(AnalyzeTextRenderer.number(c.instances())).append('\n');
            out.append("  shallow    ").append(bytes(c.shallowBytes())).append('\n');
            out.append("  retained   ").append(bytes(c.retainedBytes())).append(" (class object")
                    .append(c.classes().size() > 1 ? "s" : "").append(" and all instances together)\n");
            if (!c.biggestInstances().isEmpty()) {
                out.append("  biggest instances\n");
                refs(out, c.biggestInstances(), "    ");
            }
            out.append('\n');
        }
        for (InspectReport.InspectedObject o : r.objects()) {
            object(out, o);
            out.append('\n');
        }
        return out.toString();
    }

    private static void object(StringBuilder out, InspectReport.InspectedObject o) {
        ObjectRef ref = o.object();
        out.append(ref.object()).append('\n');
        out.append("  class             ").append(ref.className()).append('\n');
        out.append("  shallow           ").append(bytes(ref.shallowBytes())).append('\n');
        out.append(String.format(Locale.ROOT, "  retained          %s, %.1f%% of the heap, %s objects%n",
                bytes(ref.retainedBytes()), ref.retainedPercent(), AnalyzeTextRenderer.number(o.retainedObjects())));
        if (!o.gcRootKinds().isEmpty()) {
            out.append("  GC root           ").append(String.join(", ", o.gcRootKinds())).append('\n');
        }
        out.append("  dominated by      ").append(!o.reachable() ? "nothing: no GC root reaches it (--keep-unreachable keeps it)"
                : o.immediateDominator() == null ? "the GC roots only" : o.immediateDominator().object()).append('\n');
        AnalyzeTextRenderer.path(out, o.pathFromGcRoot(), "  ");
        if (!o.fields().isEmpty()) {
            out.append("  fields\n");
            Table t = new Table(new String[] {"Type", "Name", "Value"}, new boolean[] {false, false, false});
            for (InspectReport.FieldEntry f : o.fields()) {
                t.add(f.type(), f.name(), f.value());
            }
            t.render(out, "    ");
        }
        out.append("  immediately dominates ").append(AnalyzeTextRenderer.number(o.dominatedCount())).append(" objects")
                .append(o.dominated().size() < o.dominatedCount() ? " (biggest " + o.dominated().size() + " shown)" : "")
                .append('\n');
        refs(out, o.dominated(), "    ");
        if (o.referrers() != null) {
            out.append("  referenced by ").append(AnalyzeTextRenderer.number(o.referrerCount())).append(" objects")
                    .append(o.referrers().size() < o.referrerCount() ? " (first " + o.referrers().size() + " shown)" : "")
                    .append('\n');
            Table t = new Table(new String[] {"Retained", "Reference", "Object"}, new boolean[] {true, false, false});
            for (InspectReport.Referrer x : o.referrers()) {
                t.add(Sizes.human(x.object().retainedBytes()), x.reference(), x.object().object());
            }
            t.render(out, "    ");
        }
    }

    private static void refs(StringBuilder out, List<ObjectRef> refs, String indent) {
        if (refs.isEmpty()) {
            return;
        }
        Table t = new Table(new String[] {"Retained", "%", "Shallow", "Object"}, new boolean[] {true, true, true, false});
        for (ObjectRef x : refs) {
            t.add(Sizes.human(x.retainedBytes()), String.format(Locale.ROOT, "%.1f", x.retainedPercent()),
                    Sizes.human(x.shallowBytes()), x.object());
        }
        t.render(out, indent);
    }

    static String bytes(long n) {
        return Sizes.human(n) + " (" + AnalyzeTextRenderer.number(n) + " bytes)";
    }
}

package io.leakscan.report.render;

import io.leakscan.report.WasteReport;
import io.leakscan.util.Sizes;
import java.util.Locale;

/** Renders a {@link WasteReport} for people. Stateless. */
public final class WasteTextRenderer {
    private WasteTextRenderer() {
    }

    public static String render(WasteReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Memory waste: %s could be saved (%.1f%% of the %s used heap)%n",
                Sizes.human(r.savedBytes()), r.savedPercent(), Sizes.human(r.usedHeapBytes())));
        Table t = new Table(new String[] {"Saved", "%", "Objects", "Category"}, new boolean[] {true, true, true, false});
        for (WasteReport.Category c : r.categories()) {
            t.add(Sizes.human(c.savedBytes()), pct(c.savedPercent()), AnalyzeTextRenderer.number(c.objects()), c.kind());
        }
        t.render(out, "  ");
        if (!r.duplicateStrings().isEmpty()) {
            out.append("\n  Duplicate strings\n");
            Table s = new Table(new String[] {"Saved", "%", "Copies", "Value", "Held by"},
                    new boolean[] {true, true, true, false, false});
            for (WasteReport.DuplicateString d : r.duplicateStrings()) {
                StringBuilder holders = new StringBuilder();
                for (WasteReport.Holder h : d.holders()) {
                    holders.append(holders.length() == 0 ? "" : ", ").append(h.holder()).append(" (").append(h.count()).append(')');
                }
                s.add(Sizes.human(d.savedBytes()), pct(d.savedPercent()), AnalyzeTextRenderer.number(d.count()),
                        d.value() == null ? "?" : cut(d.value()), holders.toString());
            }
            s.render(out, "    ");
        }
        if (!r.duplicateArrays().isEmpty()) {
            out.append("\n  Duplicate primitive arrays\n");
            Table a = new Table(new String[] {"Saved", "%", "Copies", "Array", "Content"},
                    new boolean[] {true, true, true, false, false});
            for (WasteReport.DuplicateArray d : r.duplicateArrays()) {
                a.add(Sizes.human(d.savedBytes()), pct(d.savedPercent()), AnalyzeTextRenderer.number(d.count()),
                        d.className().replace("[]", "[" + d.length() + "]"), cut(d.firstElements()));
            }
            a.render(out, "    ");
        }
        if (!r.collections().isEmpty()) {
            out.append("\n  Collections (empty; nearly empty: 1-4 elements with spare slots; low fill: under 50% full)\n");
            Table c = new Table(new String[] {"Saved", "%", "Instances", "Fill", "Kind", "Class"},
                    new boolean[] {true, true, true, true, false, false});
            for (WasteReport.Collection x : r.collections()) {
                c.add(Sizes.human(x.savedBytes()), pct(x.savedPercent()), AnalyzeTextRenderer.number(x.instances()),
                        x.capacity() == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * x.elements() / x.capacity()),
                        x.kind(), x.className());
            }
            c.render(out, "    ");
        }
        rows(out, "Boxed numbers", r.boxedNumbers());
        rows(out, "Zero-length arrays", r.zeroLengthArrays());
        out.append("\n  How each figure is computed: docs/waste.md\n");
        return out.toString();
    }

    private static void rows(StringBuilder out, String title, java.util.List<WasteReport.ClassRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.append("\n  ").append(title).append('\n');
        Table t = new Table(new String[] {"Saved", "%", "Instances", "Class"}, new boolean[] {true, true, true, false});
        for (WasteReport.ClassRow x : rows) {
            t.add(Sizes.human(x.savedBytes()), pct(x.savedPercent()), AnalyzeTextRenderer.number(x.instances()), x.className());
        }
        t.render(out, "    ");
    }

    private static String cut(String s) {
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }

    private static String pct(double p) {
        return String.format(Locale.ROOT, "%.1f", p);
    }
}

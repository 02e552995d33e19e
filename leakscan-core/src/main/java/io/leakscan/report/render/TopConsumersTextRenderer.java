package io.leakscan.report.render;

import io.leakscan.report.TopConsumersReport;
import io.leakscan.util.Sizes;
import java.util.List;
import java.util.Locale;

/** Renders a {@link TopConsumersReport} for people. Stateless. */
public final class TopConsumersTextRenderer {
    private TopConsumersTextRenderer() {
    }

    public static String render(TopConsumersReport r) {
        StringBuilder out = new StringBuilder("Top consumers (retained by top-level dominators)\n");
        section(out, "By package", r.byPackage());
        section(out, "By class loader", r.byClassLoader());
        section(out, "By class", r.byClass());
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<TopConsumersReport.Row> rows) {
        out.append("  ").append(title).append('\n');
        Table t = new Table(new String[] {"Retained", "%", "Objects", "Name"}, new boolean[] {true, true, true, false});
        for (TopConsumersReport.Row row : rows) {
            t.add(Sizes.human(row.retainedBytes()), String.format(Locale.ROOT, "%.1f", row.retainedPercent()),
                    AnalyzeTextRenderer.number(row.objects()), row.name());
        }
        t.render(out, "    ");
    }
}

package io.leakscan.report.render;

import io.leakscan.report.AnalyzeReport;
import io.leakscan.report.DominatorEntry;
import io.leakscan.report.DominatorTreeNode;
import io.leakscan.report.GcRootCount;
import io.leakscan.report.HistogramRow;
import io.leakscan.report.LeakSuspectEntry;
import io.leakscan.report.PathStep;
import io.leakscan.report.SnapshotSummary;
import io.leakscan.util.Sizes;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link AnalyzeReport} as one self-contained HTML page (docs/html.md): summary, a zoomable
 * treemap of the dominator tree, the leak suspects with their paths, the biggest objects, and a class
 * histogram that sorts and filters. The page is made from the same report the JSON format writes, cut to
 * bounded row counts so it stays small whatever the heap ("and N more" says what was left out); the
 * records the script draws (summary, dominator tree extract) are embedded as JSON.
 * Does not read the dump. Stateless.
 */
public final class AnalyzeHtmlRenderer {
    /** Histogram rows in the page (a 2 GB heap has tens of thousands of classes). */
    public static final int HISTOGRAM_ROWS = 1000;
    /** Biggest objects listed. */
    public static final int DOMINATOR_ROWS = 100;
    /** Unreachable classes listed. */
    public static final int UNREACHABLE_ROWS = 100;

    private AnalyzeHtmlRenderer() {
    }

    public static String render(AnalyzeReport full) {
        AnalyzeReport r = new AnalyzeReport(full.schemaVersion(), full.snapshot(), head(full.histogram(), HISTOGRAM_ROWS),
                head(full.dominators(), DOMINATOR_ROWS), full.suspects(), full.gcRoots(),
                head(full.unreachable(), UNREACHABLE_ROWS), full.warnings(), full.dominatorTree());
        SnapshotSummary s = r.snapshot();
        HtmlPage page = new HtmlPage("leakscan: " + s.file());
        StringBuilder b = page.body();
        b.append("<header><h1>Heap dump <code>").append(HtmlPage.esc(s.file())).append("</code></h1>\n");
        b.append(s.complete() ? "<p class=\"badge ok\">complete dump</p>\n"
                : "<p class=\"badge bad\">PARTIAL: " + HtmlPage.esc(s.truncation()) + "</p>\n");
        b.append("</header>\n<main>\n");
        summary(b, r);
        treemap(b, r.dominatorTree());
        suspects(b, r.suspects());
        dominators(b, r.dominators(), full.dominators().size());
        histogram(b, r.histogram(), full.histogram().size());
        gcRoots(b, r.gcRoots());
        unreachable(b, r.unreachable(), full.unreachable().size());
        return page.render("analyze.js", "snapshot", r.snapshot(), "dominatorTree", r.dominatorTree());
    }

    private static void summary(StringBuilder b, AnalyzeReport r) {
        SnapshotSummary s = r.snapshot();
        b.append("<section id=\"summary\" aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">Summary</h2>\n<dl class=\"summary\">\n");
        item(b, "Used heap", Sizes.human(s.usedHeapBytes()) + String.format(Locale.ROOT, " (%,d bytes)", s.usedHeapBytes()));
        item(b, "Objects", String.format(Locale.ROOT, "%,d in %,d classes", s.objects(), s.classes()));
        item(b, "GC roots", String.format(Locale.ROOT, "%,d", s.gcRoots()));
        item(b, "Taken at", s.timestamp());
        item(b, "Format", s.formatVersion() + ", " + s.idSize() * 8 + "-bit ids" + (s.compressedOops() ? ", compressed oops" : ""));
        item(b, "Unreachable", String.format(Locale.ROOT, "%,d objects, %s (not counted above)", s.unreachableObjects(),
                Sizes.human(s.unreachableBytes())));
        if (s.heapDumps() > 1) {
            item(b, "Dump", s.heapDump() + " of " + s.heapDumps() + " in the file");
        }
        item(b, "Complete", s.complete() ? "yes" : "no: " + s.truncation());
        b.append("</dl>\n");
        warnings(b, r.warnings());
        b.append("</section>\n");
    }

    static void item(StringBuilder b, String term, String value) {
        b.append("<dt>").append(HtmlPage.esc(term)).append("</dt><dd>").append(HtmlPage.esc(value)).append("</dd>\n");
    }

    static void warnings(StringBuilder b, List<String> warnings) {
        if (!warnings.isEmpty()) {
            b.append("<ul class=\"warnings\">\n");
            for (String w : warnings) {
                b.append("<li><strong>Warning:</strong> ").append(HtmlPage.esc(w)).append("</li>\n");
            }
            b.append("</ul>\n");
        }
    }

    private static void treemap(StringBuilder b, DominatorTreeNode root) {
        StringBuilder alt = new StringBuilder("Treemap of the dominator tree by retained size. Biggest: ");
        List<DominatorTreeNode> top = root.children();
        for (int i = 0; i < Math.min(3, top.size()); i++) {
            DominatorTreeNode n = top.get(i);
            alt.append(i == 0 ? "" : "; ").append(n.label()).append(", ").append(Sizes.human(n.retainedBytes()))
                    .append(String.format(Locale.ROOT, " (%.1f%%)", n.retainedPercent()));
        }
        b.append("<section id=\"tree\" aria-labelledby=\"tree-h\"><h2 id=\"tree-h\">Where the memory is</h2>\n")
                .append("<p class=\"help\">Each tile is an object or a group of objects, its area the bytes it keeps alive"
                        + " (retained size); tiles nest as the dominator tree does. Click a tile to zoom into it;"
                        + " click a name above the picture, or press Escape, to go back.</p>\n")
                .append("<nav id=\"treemap-crumbs\" aria-label=\"Treemap zoom\"></nav>\n")
                .append("<figure><div id=\"treemap\" role=\"group\" aria-label=\"").append(HtmlPage.esc(alt.toString()))
                .append("\"></div><figcaption>The same tree as a list is below; sizes are retained bytes.</figcaption></figure>\n")
                .append("<details><summary>Dominator tree as a list</summary>\n<ul class=\"tree\">");
        treeList(b, root);
        b.append("</ul>\n</details>\n</section>\n");
    }

    private static void treeList(StringBuilder b, DominatorTreeNode n) {
        b.append("<li>").append(HtmlPage.esc(n.label())).append(" — ").append(HtmlPage.esc(Sizes.human(n.retainedBytes())))
                .append(String.format(Locale.ROOT, " (%.1f%%)", n.retainedPercent()));
        if (!n.children().isEmpty()) {
            b.append("<ul>");
            for (DominatorTreeNode c : n.children()) {
                treeList(b, c);
            }
            b.append("</ul>");
        }
        b.append("</li>\n");
    }

    private static void suspects(StringBuilder b, List<LeakSuspectEntry> suspects) {
        b.append("<section id=\"suspects\" aria-labelledby=\"suspects-h\"><h2 id=\"suspects-h\">Leak suspects</h2>\n")
                .append("<p class=\"help\">Objects or groups of one class retaining more than 10% of the heap.</p>\n");
        if (suspects.isEmpty()) {
            b.append("<p>None.</p>\n");
        }
        for (LeakSuspectEntry e : suspects) {
            b.append("<article class=\"suspect\"><h3>").append(e.rank()).append(". ").append(HtmlPage.esc(e.description()))
                    .append("</h3>\n");
            if (e.accumulationPoint() != null && !e.accumulationPoint().object().equals(e.suspect().object())) {
                b.append("<p>Accumulates in <code>").append(HtmlPage.esc(e.accumulationPoint().object())).append("</code> (")
                        .append(HtmlPage.esc(Sizes.human(e.accumulationPoint().retainedBytes())))
                        .append(String.format(Locale.ROOT, ", %.1f%%", e.accumulationPoint().retainedPercent())).append(")</p>\n");
            }
            path(b, e.pathFromGcRoot());
            b.append("</article>\n");
        }
        b.append("</section>\n");
    }

    /** A path from a GC root as an ordered list, root first. */
    static void path(StringBuilder b, List<PathStep> steps) {
        if (steps.isEmpty()) {
            return;
        }
        b.append("<ol class=\"path\" aria-label=\"Path from a GC root\">");
        for (PathStep p : steps) {
            b.append("<li><code>").append(HtmlPage.esc(p.label())).append("</code></li>");
        }
        b.append("</ol>\n");
    }

    private static void dominators(StringBuilder b, List<DominatorEntry> rows, int total) {
        b.append("<section id=\"dominators\" aria-labelledby=\"dominators-h\"><h2 id=\"dominators-h\">Biggest objects</h2>\n");
        HtmlTable t = new HtmlTable(b, "dominator-table", "Top-level dominators by retained size",
                "#Retained", "#%", "#Shallow", "Object");
        for (DominatorEntry d : rows) {
            t.row().bytes(d.object().retainedBytes()).percent(d.object().retainedPercent()).bytes(d.object().shallowBytes())
                    .code(d.object().object()).endRow();
        }
        t.end(total - rows.size(), "objects");
        int withPaths = (int) Math.min(10, rows.stream().filter(d -> !d.pathFromGcRoot().isEmpty()).count());
        if (withPaths > 0) {
            b.append("<details><summary>Paths from GC roots (top ").append(withPaths).append(")</summary>\n");
            for (int i = 0, shown = 0; i < rows.size() && shown < withPaths; i++) {
                if (!rows.get(i).pathFromGcRoot().isEmpty()) {
                    b.append("<p><code>").append(HtmlPage.esc(rows.get(i).object().object())).append("</code></p>\n");
                    path(b, rows.get(i).pathFromGcRoot());
                    shown++;
                }
            }
            b.append("</details>\n");
        }
        b.append("</section>\n");
    }

    private static void histogram(StringBuilder b, List<HistogramRow> rows, int total) {
        b.append("<section id=\"histogram\" aria-labelledby=\"histogram-h\"><h2 id=\"histogram-h\">Class histogram</h2>\n")
                .append("<div class=\"filters\"><label>Class name contains <input type=\"search\" id=\"histogram-filter\""
                        + " placeholder=\"e.g. HashMap\"></label> <label>Package <select id=\"histogram-package\">"
                        + "<option value=\"\">all</option></select></label> <span id=\"histogram-count\" aria-live=\"polite\"></span></div>\n");
        HtmlTable t = new HtmlTable(b, "histogram-table",
                "Classes by retained size (instances and class object together); click a heading to sort",
                "Class", "#Instances", "#Shallow", "#Retained");
        for (HistogramRow h : rows) {
            t.row().code(h.className()).count(h.instances()).bytes(h.shallowBytes()).bytes(h.retainedBytes()).endRow();
        }
        t.end(total - rows.size(), "classes");
        b.append("</section>\n");
    }

    private static void gcRoots(StringBuilder b, List<GcRootCount> roots) {
        b.append("<section id=\"gc-roots\" aria-labelledby=\"gc-roots-h\"><h2 id=\"gc-roots-h\">GC roots</h2>\n");
        HtmlTable t = new HtmlTable(b, "gc-root-table", "GC root objects by kind", "Kind", "#Objects");
        for (GcRootCount g : roots) {
            t.row().text(g.kind()).count(g.objects()).endRow();
        }
        t.end(0, "");
        b.append("</section>\n");
    }

    private static void unreachable(StringBuilder b, List<HistogramRow> rows, int total) {
        if (total == 0) {
            return;
        }
        b.append("<section id=\"unreachable\" aria-labelledby=\"unreachable-h\"><h2 id=\"unreachable-h\">Unreachable objects</h2>\n");
        HtmlTable t = new HtmlTable(b, "unreachable-table", "Classes of objects no GC root reaches, by shallow size",
                "Class", "#Instances", "#Shallow");
        for (HistogramRow h : rows) {
            t.row().code(h.className()).count(h.instances()).bytes(h.shallowBytes()).endRow();
        }
        t.end(total - rows.size(), "classes");
        b.append("</section>\n");
    }

    /** The first {@code n} of {@code list}. */
    static <T> List<T> head(List<T> list, int n) {
        return list.size() > n ? List.copyOf(list.subList(0, n)) : list;
    }
}

package io.leakscan.report.render;

import io.leakscan.diff.DiffResult;
import io.leakscan.diff.Gate;
import io.leakscan.util.Sizes;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link DiffResult} as one self-contained HTML page (docs/html.md): the gates' verdict first,
 * then for each suspect a chart of its retained bytes and entries over the dumps (on the dumps' real
 * time axis, or per interval when they are too close together), the per-class deltas as a sortable
 * table, and the suspects' paths. The page is made from the same result the JSON format writes, cut to
 * bounded row counts; the records the charts draw (snapshots, suspects) are embedded as JSON. Does not read any dump. Stateless.
 */
public final class DiffHtmlRenderer {
    /** Class rows in the page. */
    public static final int CLASS_ROWS = 1000;
    /** Suspects drawn (each has a chart). */
    public static final int SUSPECTS = 50;

    private DiffHtmlRenderer() {
    }

    /** The verdict a person reads first. */
    enum Verdict {
        PASSED("passed", "ok"), FAILED("failed", "bad"), INCONCLUSIVE("inconclusive", "warn"), NO_GATES("no gates set", "neutral");

        final String words;
        final String style;

        Verdict(String words, String style) {
            this.words = words;
            this.style = style;
        }
    }

    static Verdict verdict(DiffResult r) {
        if (r.gates().isEmpty()) {
            return Verdict.NO_GATES;
        }
        if (r.failed()) {
            return Verdict.FAILED;
        }
        // Gates not evaluated (a dump cut short), or passed on partial data with --allow-partial: not a pass
        // a person should trust.
        return r.gatesNotEvaluated() || !r.complete() ? Verdict.INCONCLUSIVE : Verdict.PASSED;
    }

    public static String render(DiffResult full) {
        DiffResult r = new DiffResult(full.schemaVersion(), full.snapshots(), full.heapGrowthBytes(),
                full.heapGrowthBytesPerHour(), AnalyzeHtmlRenderer.head(full.suspects(), SUSPECTS),
                AnalyzeHtmlRenderer.head(full.classes(), CLASS_ROWS), full.gates(), full.warnings(), full.complete());
        HtmlPage page = new HtmlPage("leakscan diff: " + r.snapshots().size() + " dumps");
        StringBuilder b = page.body();
        Verdict v = verdict(r);
        b.append("<header><h1>Heap diff of ").append(r.snapshots().size()).append(" dumps</h1>\n")
                .append("<p id=\"verdict\" class=\"badge verdict ").append(v.style).append("\" data-verdict=\"")
                .append(v.name().toLowerCase(Locale.ROOT)).append("\">Gates: ").append(v.words).append("</p>\n</header>\n<main>\n");
        gates(b, r.gates());
        dumps(b, r);
        suspects(b, r.suspects(), full.suspects().size());
        classes(b, r.classes(), full.classes().size());
        return page.render("diff.js", "snapshots", r.snapshots(), "suspects", r.suspects());
    }

    private static void gates(StringBuilder b, List<Gate> gates) {
        b.append("<section id=\"gates\" aria-labelledby=\"gates-h\"><h2 id=\"gates-h\">Gates</h2>\n");
        if (gates.isEmpty()) {
            b.append("<p>No gate was set (--max-growth, --max-class-growth, --fail-on-suspects).</p>\n");
        } else {
            b.append("<table id=\"gate-table\"><caption>Each gate, its limit and what was measured</caption>\n"
                    + "<thead><tr><th scope=\"col\">Result</th><th scope=\"col\">Gate</th><th scope=\"col\">Limit</th>"
                    + "<th scope=\"col\">Measured</th></tr></thead>\n<tbody>\n");
            for (Gate g : gates) {
                b.append("<tr class=\"").append(g.passed() ? "ok" : "bad").append("\"><td>").append(g.passed() ? "pass" : "FAIL")
                        .append("</td><td><code>").append(HtmlPage.esc(g.name())).append("</code></td><td>")
                        .append(HtmlPage.esc(g.limit())).append("</td><td>").append(HtmlPage.esc(g.message()));
                if (!g.details().isEmpty()) {
                    b.append("<ul>");
                    for (String d : g.details()) {
                        b.append("<li>").append(HtmlPage.esc(d)).append("</li>");
                    }
                    b.append("</ul>");
                }
                b.append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        b.append("</section>\n");
    }

    private static void dumps(StringBuilder b, DiffResult r) {
        b.append("<section id=\"dumps\" aria-labelledby=\"dumps-h\"><h2 id=\"dumps-h\">Dumps</h2>\n");
        AnalyzeHtmlRenderer.warnings(b, r.warnings());
        b.append("<table id=\"dump-table\"><caption>The dumps compared, in the order given</caption>\n"
                + "<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Taken at</th><th scope=\"col\" class=\"num\">Objects</th>"
                + "<th scope=\"col\" class=\"num\">Used heap</th><th scope=\"col\">File</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < r.snapshots().size(); i++) {
            DiffResult.Snapshot s = r.snapshots().get(i);
            b.append("<tr><td>").append(i + 1).append("</td><td>").append(HtmlPage.esc(s.timestamp()))
                    .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%,d", s.objects()))
                    .append("</td><td class=\"num\">").append(HtmlPage.esc(Sizes.human(s.usedHeapBytes())))
                    .append("</td><td><code>").append(HtmlPage.esc(s.file())).append("</code></td></tr>\n");
        }
        b.append("</tbody></table>\n<p>Used heap ").append(r.heapGrowthBytes() >= 0 ? "grew" : "shrank").append(" by ")
                .append(HtmlPage.esc(Sizes.human(Math.abs(r.heapGrowthBytes()))));
        if (r.heapGrowthBytesPerHour() != null) {
            b.append(" (").append(HtmlPage.esc(Sizes.human(Math.round(r.heapGrowthBytesPerHour())))).append(" per hour)");
        }
        b.append(".</p>\n</section>\n");
    }

    private static void suspects(StringBuilder b, List<DiffResult.Suspect> suspects, int total) {
        b.append("<section id=\"suspects\" aria-labelledby=\"suspects-h\"><h2 id=\"suspects-h\">Leak suspects</h2>\n");
        if (suspects.isEmpty()) {
            b.append("<p>None: no collection, cache, listener list or array grew past the threshold.</p>\n");
        }
        int dumps = suspects.isEmpty() ? 0 : suspects.get(0).retainedBytes().length;
        for (DiffResult.Suspect s : suspects) {
            b.append("<article class=\"suspect\" id=\"suspect-").append(s.rank()).append("\"><h3>").append(s.rank()).append(". ")
                    .append(HtmlPage.esc(s.kind())).append(" <code>").append(HtmlPage.esc(s.containerClass()))
                    .append("</code>, score ").append(s.score()).append("</h3>\n<p>Held by <code>")
                    .append(HtmlPage.esc(s.path())).append("</code></p>\n");
            b.append("<figure><div class=\"growth-chart\" data-suspect=\"").append(s.rank() - 1)
                    .append("\" role=\"img\" aria-label=\"").append(HtmlPage.esc(chartAlt(s)))
                    .append("\"></div><figcaption>Retained bytes (line, left axis) and entries (dashed, right axis)"
                            + " per dump; the numbers are in the table below.</figcaption></figure>\n");
            b.append("<table class=\"series\"><caption>Per dump</caption><thead><tr><th scope=\"col\">Dump</th>"
                    + "<th scope=\"col\" class=\"num\">Retained</th><th scope=\"col\" class=\"num\">Entries</th>"
                    + "<th scope=\"col\" class=\"num\">Containers</th></tr></thead><tbody>");
            for (int i = 0; i < dumps; i++) {
                b.append("<tr><td>").append(i + 1).append("</td><td class=\"num\">")
                        .append(HtmlPage.esc(Sizes.human(s.retainedBytes()[i]))).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%,d", s.elements()[i])).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%,d", s.instances()[i])).append("</td></tr>");
            }
            b.append("</tbody></table>\n");
            if (!s.accumulates().isEmpty()) {
                b.append("<p>Accumulates: ");
                for (int i = 0; i < s.accumulates().size(); i++) {
                    DiffResult.Accumulation a = s.accumulates().get(i);
                    b.append(i == 0 ? "" : ", ").append("<code>").append(HtmlPage.esc(a.className())).append("</code>")
                            .append(String.format(Locale.ROOT, " %.0f%%", a.share() * 100));
                }
                b.append("</p>\n");
            }
            b.append("<p>Why: ").append(HtmlPage.esc(String.join("; ", s.reasons()))).append("</p>\n</article>\n");
        }
        if (total > suspects.size()) {
            b.append(String.format(Locale.ROOT, "<p class=\"more\">and %,d more suspects (--format json has them all)</p>\n",
                    total - suspects.size()));
        }
        b.append("</section>\n");
    }

    private static String chartAlt(DiffResult.Suspect s) {
        int last = s.retainedBytes().length - 1;
        return String.format(Locale.ROOT, "Chart: %s grows from %s to %s retained and from %,d to %,d entries over %d dumps",
                s.containerClass(), Sizes.human(s.retainedBytes()[0]), Sizes.human(s.retainedBytes()[last]),
                s.elements()[0], s.elements()[last], last + 1);
    }

    private static void classes(StringBuilder b, List<DiffResult.ClassDelta> rows, int total) {
        b.append("<section id=\"classes\" aria-labelledby=\"classes-h\"><h2 id=\"classes-h\">Classes by change</h2>\n")
                .append("<div class=\"filters\"><label>Class name contains <input type=\"search\" id=\"classes-filter\""
                        + " placeholder=\"e.g. com.acme.\"></label> <span id=\"classes-count\" aria-live=\"polite\"></span></div>\n");
        HtmlTable t = new HtmlTable(b, "class-table", "Change from the first dump to the last; click a heading to sort",
                "Class", "#Δ retained", "#Δ instances", "#Δ shallow", "#Retained (last)", "#Instances (last)", "Status");
        for (DiffResult.ClassDelta c : rows) {
            int last = c.retainedBytes().length - 1;
            t.row().code(c.className()).signedBytes(c.retainedBytesDelta()).signedCount(c.instancesDelta())
                    .signedBytes(c.shallowBytesDelta()).bytes(c.retainedBytes()[last]).count(c.instances()[last])
                    .text(c.status()).endRow();
        }
        t.end(total - rows.size(), "classes");
        b.append("</section>\n");
    }
}

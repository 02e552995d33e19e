package io.leakscan.report.render;

import io.leakscan.util.Sizes;
import java.util.Locale;

/**
 * An HTML table the page's script can sort (click a column heading) and, when it has a filter, filter.
 * Numeric cells carry their exact value in {@code data-v}, so sorting never parses "1.5 MiB".
 * Not thread-safe.
 */
final class HtmlTable {
    private final StringBuilder out;

    /**
     * Starts the table.
     *
     * @param headers column headings; a heading starting with {@code #} is numeric (sorted biggest first)
     */
    HtmlTable(StringBuilder out, String id, String caption, String... headers) {
        this.out = out;
        out.append("<table class=\"sortable\" id=\"").append(id).append("\">\n<caption>")
                .append(HtmlPage.esc(caption)).append("</caption>\n<thead><tr>");
        for (String h : headers) {
            boolean numeric = h.startsWith("#");
            String label = numeric ? h.substring(1) : h;
            out.append("<th scope=\"col\"").append(numeric ? " class=\"num\" data-type=\"num\"" : " data-type=\"text\"")
                    .append(" aria-sort=\"none\"><button type=\"button\">").append(HtmlPage.esc(label))
                    .append("</button></th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
    }

    HtmlTable row() {
        out.append("<tr>");
        return this;
    }

    HtmlTable endRow() {
        out.append("</tr>\n");
        return this;
    }

    HtmlTable text(String s) {
        out.append("<td>").append(HtmlPage.esc(s)).append("</td>");
        return this;
    }

    /** A class or object name, in code style. */
    HtmlTable code(String s) {
        out.append("<td><code>").append(HtmlPage.esc(s)).append("</code></td>");
        return this;
    }

    HtmlTable bytes(long v) {
        return num(v, Sizes.human(v));
    }

    HtmlTable signedBytes(long v) {
        return num(v, (v > 0 ? "+" : v < 0 ? "-" : "") + Sizes.human(Math.abs(v)));
    }

    HtmlTable count(long v) {
        return num(v, String.format(Locale.ROOT, "%,d", v));
    }

    HtmlTable signedCount(long v) {
        return num(v, String.format(Locale.ROOT, "%+,d", v));
    }

    HtmlTable percent(double v) {
        out.append("<td class=\"num\" data-v=\"").append(v).append("\">")
                .append(String.format(Locale.ROOT, "%.1f%%", v)).append("</td>");
        return this;
    }

    private HtmlTable num(long v, String shown) {
        out.append("<td class=\"num\" data-v=\"").append(v).append("\">").append(HtmlPage.esc(shown)).append("</td>");
        return this;
    }

    /** Ends the table; {@code omitted} rows left out are announced under it. */
    void end(long omitted, String what) {
        out.append("</tbody>\n</table>\n");
        if (omitted > 0) {
            out.append("<p class=\"more\">and ").append(String.format(Locale.ROOT, "%,d", omitted)).append(" more ")
                    .append(HtmlPage.esc(what)).append(" (not in this page; --format json has them all)</p>\n");
        }
    }
}

package io.leakscan.report.render;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns; numeric columns are right-aligned. Not thread-safe. */
final class Table {
    private final String[] headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    Table(String[] headers, boolean[] rightAligned) {
        this.headers = headers;
        this.rightAligned = rightAligned;
    }

    void add(String... cells) {
        rows.add(cells);
    }

    void render(StringBuilder out, String indent) {
        int[] width = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            width[i] = headers[i].length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        line(out, indent, headers, width);
        for (String[] r : rows) {
            line(out, indent, r, width);
        }
    }

    private void line(StringBuilder out, String indent, String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            boolean last = i == cells.length - 1;
            String c = cells[i];
            if (rightAligned[i]) {
                sb.append(" ".repeat(width[i] - c.length())).append(c);
            } else {
                sb.append(c);
                if (!last) {
                    sb.append(" ".repeat(width[i] - c.length()));
                }
            }
            if (!last) {
                sb.append("  ");
            }
        }
        out.append(sb.toString().stripTrailing()).append('\n');
    }
}

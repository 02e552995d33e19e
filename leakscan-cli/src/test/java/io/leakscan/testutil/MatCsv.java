package io.leakscan.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the CSV files Eclipse MAT's batch mode wrote (quoted fields, doubled quotes, trailing comma). */
public final class MatCsv {
    private MatCsv() {
    }

    public static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        String text = Files.readString(file);
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                if (row.size() > 1 || !row.get(0).isEmpty()) {
                    rows.add(row.toArray(new String[0]));
                }
                row = new ArrayList<>();
            } else if (ch != '\r') {
                cell.append(ch);
            }
        }
        return rows;
    }

    /** info.csv as property → value. */
    public static Map<String, String> info(Path file) throws IOException {
        Map<String, String> map = new HashMap<>();
        for (String[] r : read(file)) {
            if (r.length > 1) {
                map.put(r[0], r[1]);
            }
        }
        return map;
    }

    /** "2,804" → 2804. */
    public static long number(String s) {
        return Long.parseLong(s.replace(",", ""));
    }
}

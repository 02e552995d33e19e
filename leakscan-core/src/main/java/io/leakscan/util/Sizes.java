package io.leakscan.util;

import java.util.Locale;

/** Human-readable byte counts (binary units), e.g. {@code 1.5 MiB}. Stateless. */
public final class Sizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Sizes() {
    }

    public static String human(long bytes) {
        if (Math.abs(bytes) < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        int u = 0;
        while (Math.abs(v) >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 || v <= -100 ? "%.0f %s" : "%.1f %s", v, UNITS[u]);
    }
}

package io.leakscan.diff;

import java.util.List;

/**
 * The limits a CI run sets on {@code diff}. Immutable.
 *
 * @param maxGrowth        total used-heap growth allowed, or null
 * @param classGrowth      per class-name pattern, the retained growth any one matching class may have
 * @param failOnSuspects   minimum score of a suspect that fails the run, or -1 when suspects do not fail it
 */
public record GateLimits(Limit maxGrowth, List<ClassLimit> classGrowth, int failOnSuspects) {

    /** True when no gate is set. */
    public boolean none() {
        return maxGrowth == null && classGrowth.isEmpty() && failOnSuspects < 0;
    }

    /**
     * A size or a percentage of the first dump's used heap.
     *
     * @param text    as the user wrote it
     * @param bytes   the size in bytes, or -1 for a percentage
     * @param percent the percentage, when {@code bytes} is -1
     */
    public record Limit(String text, long bytes, double percent) {
        /** The limit in bytes for a heap of {@code baseBytes}. */
        public long bytesFor(long baseBytes) {
            return bytes >= 0 ? bytes : (long) Math.floor(baseBytes * percent / 100.0);
        }

        /** Parses {@code 10MB}, {@code 512KiB}, {@code 2GB}, {@code 1048576}, {@code 5%}. */
        public static Limit parse(String text) {
            String t = text.trim();
            if (t.endsWith("%")) {
                double p = Double.parseDouble(t.substring(0, t.length() - 1).trim());
                if (p < 0) {
                    throw new IllegalArgumentException("a percentage cannot be negative: " + text);
                }
                return new Limit(text, -1, p);
            }
            String upper = t.toUpperCase(java.util.Locale.ROOT);
            String[][] units = {{"KIB", "1024"}, {"MIB", "1048576"}, {"GIB", "1073741824"}, {"TIB", "1099511627776"},
                {"KB", "1000"}, {"MB", "1000000"}, {"GB", "1000000000"}, {"TB", "1000000000000"}, {"B", "1"}};
            long factor = 1;
            String number = upper;
            for (String[] u : units) {
                if (upper.endsWith(u[0])) {
                    factor = Long.parseLong(u[1]);
                    number = upper.substring(0, upper.length() - u[0].length()).trim();
                    break;
                }
            }
            double value;
            try {
                value = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a size: '" + text + "' (use e.g. 10MB, 512KiB, 2GB or 5%)");
            }
            if (value < 0) {
                throw new IllegalArgumentException("a size cannot be negative: " + text);
            }
            return new Limit(text, Math.round(value * factor), 0);
        }
    }

    /**
     * A class-name pattern ({@code *} matches any run of characters, dots included) and its limit.
     */
    public record ClassLimit(String pattern, Limit limit) {
        public boolean matches(String className) {
            return className.matches(java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
        }

        /** Parses {@code com.acme.*=1MB}. */
        public static ClassLimit parse(String text) {
            int eq = text.lastIndexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new IllegalArgumentException("expected PATTERN=SIZE, e.g. 'com.acme.*=1MB', not '" + text + "'");
            }
            return new ClassLimit(text.substring(0, eq).trim(), Limit.parse(text.substring(eq + 1)));
        }
    }
}

package io.leakscan.cli;

/**
 * Help text shared by the commands' {@code --help} (annotation constants), so the exit codes and the
 * launcher's option read the same everywhere; README.md and docs/ci.md say the same.
 */
final class HelpText {
    private HelpText() {
    }

    static final String EXIT_HEADING = "%nExit codes:%n";

    static final String OK = "0:success; a truncated dump is analysed up to the cut, with a warning in the report";
    static final String GATE = "1:a gate was crossed (diff thresholds)";
    static final String USAGE = "2:usage error";
    static final String IO = "3:unreadable or corrupt input, a truncated dump with --strict, or an output file that"
            + " cannot be written";
    static final String IO_DIFF = "3:unreadable or corrupt input, a truncated dump with --strict or with gates (unless"
            + " --allow-partial), or an output file that cannot be written";
    static final String IO_CAPTURE = "3:the JVM cannot be attached to (no such process, another user's, not a JVM,"
            + " attach disabled), not enough disk space for a dump, a failed dump, or as for 'diff'";
    static final String MEMORY = "4:not enough memory (the message says how much to give)";
    static final String INTERNAL = "5:internal error (a bug in leakscan), or the launcher cannot build or start it";
    static final String TOO_LARGE = "6:the dump is beyond leakscan's limits (objects, references; the message says"
            + " which), found while reading";

    /** The launcher's own option, which the jar never sees. */
    static final String LAUNCHER = "%nbin/leakscan also takes --heap SIZE (e.g. --heap 8g), anywhere on the line: the"
            + " JVM's maximum heap. Without it (or an -Xmx in JAVA_OPTS) the heap is chosen from the dumps' sizes.";
}

package io.leakscan.cli;

/**
 * The process exit codes, the same for every command, documented in {@code --help} and the README.
 */
public enum ExitCode {
    /** Success, and no gate was crossed. */
    OK(0, "success"),
    /** A gate (threshold) was crossed. */
    GATE_CROSSED(1, "a gate was crossed (diff thresholds)"),
    /** The command line was wrong. */
    USAGE(2, "usage error"),
    /**
     * An input file is unreadable, corrupt or not a heap dump; a truncated dump with {@code --strict} or
     * with gates (without {@code --allow-partial}); or an output file cannot be written.
     */
    BAD_INPUT(3, "unreadable or corrupt input, a truncated dump with --strict or gates, or unwritable output"),
    /** The JVM ran out of memory; the message says how much heap is needed. */
    OUT_OF_MEMORY(4, "not enough memory (the message says how much to give)"),
    /** A bug in leakscan (any unexpected Throwable, Errors included); the message asks for a report. */
    INTERNAL_ERROR(5, "internal error (a bug in leakscan)"),
    /** The dump is beyond leakscan's limits (objects or references; docs/memory.md), found while reading. */
    TOO_LARGE(6, "the dump is beyond leakscan's limits (the message says which)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}

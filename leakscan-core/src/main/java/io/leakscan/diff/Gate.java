package io.leakscan.diff;

/**
 * One CI gate and its verdict.
 *
 * @param name    stable identifier, e.g. {@code max-growth}, {@code max-class-growth com.acme.*}, {@code suspects}
 * @param limit   the limit as the user wrote it, e.g. {@code 10MB}, {@code 5%}, {@code score >= 50}
 * @param evaluated false when the gate was not evaluated because an input is partial (then {@code passed}
 *                  is false too: a gate never passes on data that was not read)
 * @param passed    false when the gate was crossed or not evaluated
 * @param message   one line: what was measured against what, or why it was not evaluated
 * @param details   for a crossed gate, the suspects or classes that crossed it, with their numbers
 */
public record Gate(String name, String limit, boolean evaluated, boolean passed, String message,
        java.util.List<String> details) {

    /** A gate that was evaluated. */
    public Gate(String name, String limit, boolean passed, String message, java.util.List<String> details) {
        this(name, limit, true, passed, message, details);
    }
}

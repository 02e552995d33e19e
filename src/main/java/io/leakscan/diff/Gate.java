package io.leakscan.diff;

/**
 * One CI gate and its verdict.
 *
 * @param name    stable identifier, e.g. {@code max-growth}, {@code max-class-growth com.acme.*}, {@code suspects}
 * @param limit   the limit as the user wrote it, e.g. {@code 10MB}, {@code 5%}, {@code score >= 50}
 * @param passed  false when the gate was crossed
 * @param message one line: what was measured against what
 * @param details for a crossed gate, the suspects or classes that crossed it, with their numbers
 */
public record Gate(String name, String limit, boolean passed, String message, java.util.List<String> details) {
}

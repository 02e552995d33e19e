package io.leakscan.report;

/**
 * One object on a reference path from a GC root.
 *
 * @param label     how a Java developer reads this step, e.g. {@code static com.acme.Registry.CACHE},
 *                  {@code java.util.HashMap.table}, {@code java.util.HashMap$Node[][17]}
 * @param object    the object, e.g. {@code java.util.HashMap @ 0x7f01a2b8}
 * @param className its class
 * @param reference how it refers to the next step (field name, {@code [i]}, {@code static NAME}); null on the last step
 */
public record PathStep(String label, String object, String className, String reference) {
}

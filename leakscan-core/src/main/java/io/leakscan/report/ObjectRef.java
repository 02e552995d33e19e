package io.leakscan.report;

/**
 * An object named in a report.
 *
 * @param object          display name, e.g. {@code java.util.HashMap @ 0x7f01a2b8}
 * @param className       its class
 * @param address         its address (HPROF id) in hex
 * @param shallowBytes    its shallow size
 * @param retainedBytes   its retained size
 * @param retainedPercent retained size as a percentage of the used heap
 */
public record ObjectRef(String object, String className, String address, long shallowBytes, long retainedBytes,
        double retainedPercent) {
}

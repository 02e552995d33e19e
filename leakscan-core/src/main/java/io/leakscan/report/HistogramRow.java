package io.leakscan.report;

/**
 * One class of the histogram. {@code retainedBytes} is the exact retained size of the class object
 * together with all its instances (MAT's precise histogram value).
 */
public record HistogramRow(String className, long instances, long shallowBytes, long retainedBytes) {
}

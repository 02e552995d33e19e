package io.leakscan.report;

/** Number of GC root objects of one kind (an object with several kinds counts under each). */
public record GcRootCount(String kind, long objects) {
}

package io.leakscan.report;

import java.util.List;

/**
 * A top-level dominator (an object only the virtual root dominates) and its shortest path from a GC root.
 */
public record DominatorEntry(ObjectRef object, List<PathStep> pathFromGcRoot) {
}

package io.leakscan.report;

import java.util.List;

/**
 * One node of the bounded extract of the dominator tree that reports carry for pictures (the HTML
 * treemap): the biggest objects a few levels down, smaller siblings grouped by class, the rest summed.
 * A node's children never retain more than the node; what they leave is the node's own share.
 *
 * @param kind            {@code heap} (the root: every GC root's tree), {@code object} (one object),
 *                        {@code class} ({@code objects} siblings of one class, together) or {@code rest}
 *                        (all smaller siblings, summed)
 * @param label           for people: {@code java.util.HashMap @ 0x7f01a2b8}, {@code 1,200 × byte[]}, {@code 3,004 more objects}
 * @param className       class of the object or group; null for {@code heap} and {@code rest}
 * @param address         the object's HPROF id in hex for {@code object}, else null
 * @param objects         objects this node stands for (1 for {@code object})
 * @param retainedBytes   retained by them (for {@code heap}: the used heap)
 * @param retainedPercent as a percentage of the used heap
 * @param children        bigger children first; empty for leaves and for nodes not expanded
 */
public record DominatorTreeNode(String kind, String label, String className, String address, long objects,
        long retainedBytes, double retainedPercent, List<DominatorTreeNode> children) {
}

package io.leakscan.report;

import java.util.List;

/**
 * Everything {@code leakscan analyze} reports about one dump. Immutable; renderers see only this.
 *
 * @param schemaVersion version of the JSON layout (see {@code docs/json.md})
 * @param snapshot      heap summary
 * @param histogram     classes by retained size, largest first (all, or the top N)
 * @param dominators    biggest top-level dominators with their paths
 * @param suspects      leak suspects, biggest first
 * @param gcRoots       GC roots by kind
 * @param unreachable   classes of the unreachable objects, by shallow size
 * @param warnings      anything the reader had to work around
 * @param dominatorTree bounded extract of the dominator tree for pictures ({@link DominatorTreeExtract})
 */
public record AnalyzeReport(int schemaVersion, SnapshotSummary snapshot, List<HistogramRow> histogram,
        List<DominatorEntry> dominators, List<LeakSuspectEntry> suspects, List<GcRootCount> gcRoots,
        List<HistogramRow> unreachable, List<String> warnings, DominatorTreeNode dominatorTree) {
    /** Current JSON layout version; bumped on any incompatible change. */
    public static final int SCHEMA_VERSION = 1;
}

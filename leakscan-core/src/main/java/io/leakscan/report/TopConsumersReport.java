package io.leakscan.report;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.TopConsumers;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code topConsumers} section of {@code analyze}: retained bytes of the top-level dominators by
 * class, by package and by class loader (MAT's "Top Consumers"), biggest first. Immutable.
 */
public record TopConsumersReport(List<Row> byClass, List<Row> byPackage, List<Row> byClassLoader) {
    /** @param objects top-level dominators in the group */
    public record Row(String name, long objects, long retainedBytes, double retainedPercent) {
    }

    /** @param top rows per grouping (0 = all) */
    public static TopConsumersReport of(HeapAnalysis analysis, int top) {
        TopConsumers.Result r = TopConsumers.of(analysis);
        return new TopConsumersReport(rows(analysis, r.byClass(), top), rows(analysis, r.byPackage(), top),
                rows(analysis, r.byClassLoader(), top));
    }

    private static List<Row> rows(HeapAnalysis analysis, List<TopConsumers.Group> groups, int top) {
        List<Row> rows = new ArrayList<>();
        for (TopConsumers.Group g : top > 0 && groups.size() > top ? groups.subList(0, top) : groups) {
            rows.add(new Row(g.name(), g.objects(), g.retainedBytes(), ObjectRefs.percent(analysis, g.retainedBytes())));
        }
        return rows;
    }
}

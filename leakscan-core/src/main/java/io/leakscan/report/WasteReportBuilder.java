package io.leakscan.report;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.ObjectInspector;
import io.leakscan.analysis.Waste;
import io.leakscan.heap.HeapSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link Waste} into a {@link WasteReport}. Reads the shown examples (a String and its array per
 * duplicate string, an array per duplicate array) for their text: in a pass of its own, or along with
 * another report's pass through a shared {@link ObjectInspector}. Stateless.
 */
public final class WasteReportBuilder {
    private WasteReportBuilder() {
    }

    /** The report; reads the examples in a pass of its own. */
    public static WasteReport build(HeapAnalysis analysis, Waste waste) {
        return build(analysis, waste, new ObjectInspector(analysis.snapshot()));
    }

    /** The report, reading the examples through {@code inspector} (no pass when it has them already). */
    public static WasteReport build(HeapAnalysis analysis, Waste waste, ObjectInspector inspector) {
        HeapSnapshot s = analysis.snapshot();
        inspector.load(examples(s, waste));
        ValueText text = new ValueText(s, inspector);

        List<WasteReport.Category> categories = new ArrayList<>();
        for (Waste.Category c : waste.categories()) {
            categories.add(new WasteReport.Category(c.kind(), c.objects(), c.savedBytes(), pct(analysis, c.savedBytes())));
        }
        List<WasteReport.DuplicateString> strings = new ArrayList<>();
        for (Waste.DuplicateString d : waste.duplicateStrings()) {
            String value = text.stringText(d.example());
            List<WasteReport.Holder> holders = new ArrayList<>();
            for (Map.Entry<String, Long> h : d.holders().entrySet()) {
                holders.add(new WasteReport.Holder(h.getKey(), h.getValue()));
            }
            strings.add(new WasteReport.DuplicateString(value == null ? null : ValueText.quote(value), d.count(),
                    d.distinctArrays(), d.savedBytes(), pct(analysis, d.savedBytes()), address(s, d.example()), holders));
        }
        List<WasteReport.DuplicateArray> arrays = new ArrayList<>();
        for (Waste.DuplicateArray d : waste.duplicateArrays()) {
            String shown = text.object(d.example());
            String described = s.describe(d.example());
            arrays.add(new WasteReport.DuplicateArray(s.classes().name(d.classIndex()), d.length(), d.count(),
                    d.savedBytes(), pct(analysis, d.savedBytes()),
                    shown.startsWith(described) ? shown.substring(described.length()).strip() : shown,
                    address(s, d.example())));
        }
        List<WasteReport.Collection> collections = new ArrayList<>();
        for (Waste.CollectionRow c : waste.collections()) {
            collections.add(new WasteReport.Collection(c.className(), c.kind(), c.instances(), c.elements(),
                    c.capacity(), c.savedBytes(), pct(analysis, c.savedBytes())));
        }
        return new WasteReport(analysis.usedHeapBytes(), waste.savedBytes(), pct(analysis, waste.savedBytes()),
                categories, strings, arrays, collections, rows(analysis, waste.boxedNumbers()),
                rows(analysis, waste.zeroLengthArrays()));
    }

    /** What the report shows the text of: each duplicate string and its array, each duplicate array. */
    public static Set<Integer> examples(HeapSnapshot s, Waste waste) {
        Set<Integer> examples = new LinkedHashSet<>();
        for (Waste.DuplicateString d : waste.duplicateStrings()) {
            examples.add(d.example());
            int value = s.fieldTarget(d.example(), "value");
            if (value >= 0) {
                examples.add(value);
            }
        }
        for (Waste.DuplicateArray d : waste.duplicateArrays()) {
            examples.add(d.example());
        }
        return examples;
    }

    private static List<WasteReport.ClassRow> rows(HeapAnalysis analysis, List<Waste.ClassRow> rows) {
        List<WasteReport.ClassRow> out = new ArrayList<>();
        for (Waste.ClassRow r : rows) {
            out.add(new WasteReport.ClassRow(r.className(), r.instances(), r.savedBytes(), pct(analysis, r.savedBytes())));
        }
        return out;
    }

    private static double pct(HeapAnalysis analysis, long bytes) {
        return ObjectRefs.percent(analysis, bytes);
    }

    private static String address(HeapSnapshot s, int o) {
        return "0x" + Long.toHexString(s.objectId(o));
    }
}

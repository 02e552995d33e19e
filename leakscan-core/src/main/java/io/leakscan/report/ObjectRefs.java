package io.leakscan.report;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.heap.GcRootKind;
import io.leakscan.heap.HeapSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link ObjectRef}s and heap percentages the same way for every report. Stateless. */
public final class ObjectRefs {
    private ObjectRefs() {
    }

    public static ObjectRef of(HeapAnalysis analysis, int o) {
        HeapSnapshot snapshot = analysis.snapshot();
        String cls = snapshot.classes().name(snapshot.classIndexOf(o));
        return new ObjectRef(snapshot.describe(o), cls, "0x" + Long.toHexString(snapshot.objectId(o)),
                snapshot.shallowBytes(o), analysis.retainedBytes(o), percent(analysis, analysis.retainedBytes(o)));
    }

    /** As {@link #of(HeapAnalysis, int)}, naming a thread whose name {@code inspector} has read ({@code Thread @ 0x… "main"}). */
    public static ObjectRef of(HeapAnalysis analysis, int o, io.leakscan.analysis.ObjectInspector inspector) {
        HeapSnapshot snapshot = analysis.snapshot();
        String cls = snapshot.classes().name(snapshot.classIndexOf(o));
        return new ObjectRef(PathSteps.describe(snapshot, inspector, o), cls, "0x" + Long.toHexString(snapshot.objectId(o)),
                snapshot.shallowBytes(o), analysis.retainedBytes(o), percent(analysis, analysis.retainedBytes(o)));
    }

    /** {@code bytes} as a percentage of the used heap, three decimals. */
    public static double percent(HeapAnalysis analysis, long bytes) {
        long used = analysis.usedHeapBytes();
        return used == 0 ? 0 : Math.round(bytes * 100_000.0 / used) / 1000.0;
    }

    /** MAT's names of the GC root kinds of an object, empty when it is not a root. O(GC roots). */
    public static List<String> gcRootKinds(HeapSnapshot snapshot, int o) {
        int[] roots = snapshot.rootObjects();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < roots.length; i++) {
            if (roots[i] == o) {
                for (GcRootKind k : GcRootKind.values()) {
                    if ((snapshot.rootKindMasks()[i] & k.bit()) != 0) {
                        kinds.add(k.label());
                    }
                }
            }
        }
        return kinds;
    }
}

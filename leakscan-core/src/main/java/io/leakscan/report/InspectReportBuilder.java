package io.leakscan.report;

import io.leakscan.analysis.ClassInstances;
import io.leakscan.analysis.DominatorQueries;
import io.leakscan.analysis.DominatorTree;
import io.leakscan.analysis.FieldValues;
import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.ObjectInspector;
import io.leakscan.analysis.Referrers;
import io.leakscan.analysis.SetRetainedSize;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.heap.ObjectKind;
import io.leakscan.hprof.HprofType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an {@link InspectReport}. Everything but field values comes from the analysis; the field values
 * of all the objects shown (the inspected ones, what their fields point to, the Strings' arrays, the
 * objects on their paths and their referrers) are read in one pass over the dump. Finding referrers
 * scans the references once, O(objects + references). Not thread-safe; one per report.
 */
public final class InspectReportBuilder {
    /** Elements of an inspected array listed as fields. */
    public static final int ARRAY_ELEMENTS = 25;
    /** Referrers listed per object. */
    public static final int REFERRERS = 25;

    private final HeapAnalysis analysis;
    private final HeapSnapshot snapshot;
    private final ObjectInspector inspector;
    private final int top;
    private final boolean referrers;

    /**
     * @param top       dominated objects and biggest instances listed (0 = all)
     * @param referrers whether to find and list incoming references
     */
    public InspectReportBuilder(HeapAnalysis analysis, int top, boolean referrers) {
        this.analysis = analysis;
        this.snapshot = analysis.snapshot();
        this.inspector = new ObjectInspector(snapshot);
        this.top = top;
        this.referrers = referrers;
    }

    /** A class asked for by name: its class indices and whether subclasses count. */
    public record ClassQuery(String name, int[] classIndices, boolean subclasses) {
    }

    /**
     * @param objects object indices asked for by address
     * @param classes classes asked for; each one's biggest {@code top} instances are inspected too
     */
    public InspectReport build(String displayPath, int[] objects, List<ClassQuery> classes) {
        List<InspectReport.InspectedClass> classEntries = new ArrayList<>();
        Set<Integer> inspected = new LinkedHashSet<>();
        for (int o : objects) {
            inspected.add(o);
        }
        for (ClassQuery q : classes) {
            ClassInstances.Result r = ClassInstances.of(analysis, q.classIndices());
            int shown = limit(r.instances().length);
            List<ObjectRef> biggest = new ArrayList<>();
            for (int i = 0; i < shown; i++) {
                biggest.add(ObjectRefs.of(analysis, r.instances()[i]));
                inspected.add(r.instances()[i]);
            }
            List<String> names = new ArrayList<>();
            for (int c : q.classIndices()) {
                names.add(snapshot.classes().name(c));
            }
            long retained = q.classIndices().length == 1 ? analysis.histogram().retainedBytes(q.classIndices()[0])
                    : SetRetainedSize.of(analysis, withClassObjects(r.instances(), q.classIndices()));
            classEntries.add(new InspectReport.InspectedClass(q.name(), q.subclasses(), names, r.instances().length,
                    r.shallowBytes(), retained, biggest));
        }
        int[] targets = inspected.stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, Referrers.Result> incoming = referrers ? Referrers.of(analysis, targets, REFERRERS) : Map.of();
        Map<Integer, int[]> paths = new LinkedHashMap<>();
        for (int o : targets) {
            paths.put(o, analysis.shortestPaths().pathTo(o));
        }
        load(targets, incoming, paths);
        List<InspectReport.InspectedObject> entries = new ArrayList<>();
        for (int o : targets) {
            entries.add(object(o, incoming.get(o), paths.get(o)));
        }
        return new InspectReport(InspectReport.SCHEMA_VERSION, displayPath, classEntries, entries);
    }

    /** The instances and the classes' own class objects: the set MAT's histogram retains per class. */
    private int[] withClassObjects(int[] instances, int[] classIndices) {
        int[] set = java.util.Arrays.copyOf(instances, instances.length + classIndices.length);
        int n = instances.length;
        for (int c : classIndices) {
            int o = snapshot.classes().classObject(c);
            if (o >= 0) {
                set[n++] = o;
            }
        }
        return java.util.Arrays.copyOf(set, n);
    }

    private int limit(int available) {
        return top <= 0 ? available : Math.min(top, available);
    }

    /** One pass over the dump for every object whose bytes the report shows or names a reference with. */
    private void load(int[] targets, Map<Integer, Referrers.Result> incoming, Map<Integer, int[]> paths) {
        Set<Integer> wanted = new LinkedHashSet<>();
        Set<Integer> threads = new LinkedHashSet<>();
        int[] outStart = snapshot.graph().outStart();
        int[] out = snapshot.graph().out();
        for (int o : targets) {
            wanted.add(o);
            addWithStringValue(o, wanted);
            // what the fields point to (for an array, its first elements), and the Strings' value arrays
            int end = Math.min(outStart[o + 1], outStart[o] + 2 * ARRAY_ELEMENTS);
            for (int e = outStart[o]; e < end; e++) {
                addWithStringValue(out[e], wanted);
                if (snapshot.kind(out[e]) == ObjectKind.OBJECT_ARRAY) {
                    // an array field's summary shows its first elements' values
                    for (int f = outStart[out[e]]; f < Math.min(outStart[out[e] + 1], outStart[out[e]] + ValueText.ELEMENTS); f++) {
                        addWithStringValue(out[f], wanted);
                    }
                }
            }
            if (snapshot.kind(o) == ObjectKind.CLASS) {
                for (FieldValues.Field f : FieldValues.of(snapshot, inspector, o)) {
                    if (f.target() >= 0) {
                        addWithStringValue(f.target(), wanted);
                    }
                }
            }
            Referrers.Result r = incoming.get(o);
            if (r != null) {
                for (int source : r.referrers()) {
                    wanted.add(source);
                }
            }
        }
        PathSteps.collect(inspector, paths.values(), wanted, threads);
        inspector.loadWithThreadNames(wanted, threads);
    }

    private void addWithStringValue(int o, Set<Integer> wanted) {
        wanted.add(o);
        if (snapshot.kind(o) == ObjectKind.INSTANCE
                && "java.lang.String".equals(snapshot.classes().name(snapshot.classIndexOf(o)))) {
            int value = snapshot.fieldTarget(o, "value");
            if (value >= 0) {
                wanted.add(value);
            }
        }
    }

    private InspectReport.InspectedObject object(int o, Referrers.Result incoming, int[] path) {
        DominatorTree tree = analysis.dominatorTree();
        int idom = tree.isReachable(o) ? tree.immediateDominator(o) : DominatorTree.UNREACHABLE;
        int[] dominated = DominatorQueries.immediatelyDominated(analysis, o);
        List<ObjectRef> dominatedRefs = new ArrayList<>();
        for (int i = 0; i < limit(dominated.length); i++) {
            dominatedRefs.add(ObjectRefs.of(analysis, dominated[i]));
        }
        List<InspectReport.Referrer> refs = null;
        Long referrerCount = null;
        if (incoming != null) {
            referrerCount = incoming.total();
            refs = new ArrayList<>();
            for (int source : incoming.referrers()) {
                refs.add(new InspectReport.Referrer(ObjectRefs.of(analysis, source), inspector.referenceName(source, o)));
            }
        }
        return new InspectReport.InspectedObject(ObjectRefs.of(analysis, o), tree.isReachable(o),
                DominatorQueries.retainedObjectCount(analysis, o), ObjectRefs.gcRootKinds(snapshot, o),
                idom >= 0 ? ObjectRefs.of(analysis, idom) : null, dominated.length, dominatedRefs, fields(o),
                referrerCount, refs, PathSteps.of(snapshot, inspector, path));
    }

    private static final String[] TYPE_NAMES = {null, null, "reference", null, "boolean", "char", "float", "double",
        "byte", "short", "int", "long"};

    private List<InspectReport.FieldEntry> fields(int o) {
        ValueText text = new ValueText(snapshot, inspector);
        List<InspectReport.FieldEntry> fields = new ArrayList<>();
        byte kind = snapshot.kind(o);
        if (kind == ObjectKind.INSTANCE || kind == ObjectKind.CLASS) {
            for (FieldValues.Field f : FieldValues.of(snapshot, inspector, o)) {
                String type = f.type() >= 0 && f.type() < TYPE_NAMES.length ? TYPE_NAMES[f.type()] : "?";
                fields.add(new InspectReport.FieldEntry(f.name(), f.declaringClass(), type, text.field(f),
                        f.type() == HprofType.OBJECT && f.bits() != 0 ? "0x" + Long.toHexString(f.bits()) : null));
            }
            if (kind == ObjectKind.INSTANCE && "java.lang.String".equals(snapshot.classes().name(snapshot.classIndexOf(o)))) {
                String value = text.stringText(o);
                if (value != null) {
                    fields.add(0, new InspectReport.FieldEntry("<value>", "java.lang.String", "java.lang.String",
                            ValueText.quote(value), null));
                }
            }
            return fields;
        }
        var d = inspector.data(o);
        String cls = snapshot.classes().name(snapshot.classIndexOf(o));
        if (kind == ObjectKind.OBJECT_ARRAY && d != null && d.elements() != null) {
            long[] e = d.elements();
            for (int i = 0; i < Math.min(e.length, ARRAY_ELEMENTS); i++) {
                int t = e[i] == 0 ? -1 : snapshot.indexOf(e[i]);
                fields.add(new InspectReport.FieldEntry("[" + i + "]", cls, "reference",
                        e[i] == 0 ? "null" : t < 0 ? "0x" + Long.toHexString(e[i]) + " (not in the dump)" : text.object(t),
                        e[i] == 0 ? null : "0x" + Long.toHexString(e[i])));
            }
        } else if (kind == ObjectKind.PRIMITIVE_ARRAY && d != null && d.bytes() != null) {
            int type = d.primitiveType();
            int size = HprofType.fileSize(type, snapshot.info().idSize());
            int n = Math.min(d.bytes().length / size, ARRAY_ELEMENTS);
            for (int i = 0; i < n; i++) {
                long bits = FieldValues.bigEndian(d.bytes(), i * size, size, type != HprofType.CHAR);
                fields.add(new InspectReport.FieldEntry("[" + i + "]", cls, TYPE_NAMES[type],
                        ValueText.primitive(type, bits), null));
            }
        }
        return fields;
    }
}

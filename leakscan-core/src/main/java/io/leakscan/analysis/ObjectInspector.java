package io.leakscan.analysis;

import io.leakscan.heap.FieldLayout;
import io.leakscan.heap.HeapClassTable;
import io.leakscan.heap.HeapObjectReader;
import io.leakscan.heap.HeapObjectReader.ObjectData;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.heap.ObjectKind;
import io.leakscan.hprof.HprofInput;
import io.leakscan.hprof.HprofType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Field-level facts about a few objects — which field of A points to B, a thread's name, a String's
 * text, an int field's value — read back from the dump on demand in batches (each batch is one pass
 * over the file; see {@link HeapObjectReader}). Not thread-safe.
 */
public final class ObjectInspector {
    private final HeapSnapshot snapshot;
    private final Map<Long, ObjectData> data = new HashMap<>();

    public ObjectInspector(HeapSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** The raw data read for an object (null when not loaded, or a class object). */
    public ObjectData data(int objectIndex) {
        return data.get(snapshot.objectId(objectIndex));
    }

    /** Takes objects another pass has read already (so that they need no pass of their own). */
    public void addLoaded(Map<Long, ObjectData> loaded) {
        data.putAll(loaded);
    }

    private final Set<Integer> pending = new LinkedHashSet<>();

    /** Objects to read along with the next {@link #load} (so that they cost no pass of their own). */
    public void readWithNextLoad(java.util.Collection<Integer> objectIndices) {
        pending.addAll(objectIndices);
    }

    /** Reads the given objects (those not read yet), and any set aside for it, in one pass over the dump. */
    public void load(Set<Integer> objectIndices) {
        Set<Integer> all = objectIndices;
        if (!pending.isEmpty()) {
            all = new LinkedHashSet<>(objectIndices);
            all.addAll(pending);
            pending.clear();
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (int o : all) {
            long id = snapshot.objectId(o);
            byte k = snapshot.kind(o);
            if (!data.containsKey(id) && k != ObjectKind.CLASS && k != ObjectKind.SYSTEM_CLASS_LOADER) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        data.putAll(HeapObjectReader.read(snapshot, ids.stream().mapToLong(Long::longValue).toArray()));
    }

    /**
     * Loads {@code objects} and the names of {@code threads} in one pass over the dump: the name Strings
     * and their value arrays are found from the graph's edge slots beforehand. Should the edge slots not
     * tell (a name sharing its target with another field), the missing links cost one more pass each.
     */
    public void loadWithThreadNames(Set<Integer> objects, Set<Integer> threads) {
        Set<Integer> all = new LinkedHashSet<>(objects);
        all.addAll(threads);
        for (int t : threads) {
            int name = snapshot.fieldTarget(t, "name");
            if (name >= 0) {
                all.add(name);
                int value = snapshot.fieldTarget(name, "value");
                if (value >= 0) {
                    all.add(value);
                }
            }
        }
        load(all);
        loadThreadNames(threads); // reads nothing more when the edge slots told the whole chain
    }

    /** Loads threads' names (up to three passes: the threads, their name objects, then the arrays). */
    public void loadThreadNames(Set<Integer> threads) {
        load(threads);
        Set<Integer> names = new LinkedHashSet<>();
        for (int t : threads) {
            int n = referenceField(t, "name");
            if (n >= 0) {
                names.add(n);
            }
        }
        load(names);
        Set<Integer> values = new LinkedHashSet<>();
        for (int n : names) {
            int v = referenceField(n, "value");
            if (v >= 0) {
                values.add(v);
            }
        }
        load(values);
    }

    /** True for instances of java.lang.Thread and its subclasses. */
    public boolean isThread(int objectIndex) {
        if (snapshot.kind(objectIndex) != ObjectKind.INSTANCE) {
            return false;
        }
        HeapClassTable classes = snapshot.classes();
        int thread = threadClass();
        return thread >= 0 && classes.isSubclassOf(snapshot.classIndexOf(objectIndex), thread);
    }

    private int threadClassIndex = -2;

    private int threadClass() {
        if (threadClassIndex == -2) {
            threadClassIndex = snapshot.classes().find("java.lang.Thread");
        }
        return threadClassIndex;
    }

    /** The name of a thread, or null when unknown. */
    public String threadName(int thread) {
        int n = referenceField(thread, "name");
        if (n < 0) {
            return null;
        }
        return snapshot.kind(n) == ObjectKind.PRIMITIVE_ARRAY ? primitiveText(n, (byte) 0) : stringValue(n);
    }

    /** Text of a java.lang.String instance (loaded along with its value array), or null. */
    public String stringValue(int string) {
        int v = referenceField(string, "value");
        if (v < 0) {
            return null;
        }
        Long coder = primitiveField(string, "coder");
        return primitiveText(v, coder == null ? (byte) 0 : (byte) (long) coder);
    }

    private String primitiveText(int array, byte coder) {
        ObjectData d = data.get(snapshot.objectId(array));
        if (d == null || d.bytes() == null) {
            return null;
        }
        byte[] b = d.bytes();
        if (d.primitiveType() == HprofType.CHAR) {
            return new String(b, StandardCharsets.UTF_16BE);
        }
        if (d.primitiveType() == HprofType.BYTE) {
            // Compact strings: LATIN1 (coder 0) or UTF-16 in the JVM's byte order (little-endian on x86 and ARM).
            return new String(b, coder == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
        }
        return null;
    }

    /** The object a reference field of an instance points to, or -1 (null, dangling, unloaded). */
    public int referenceField(int objectIndex, String field) {
        ObjectData d = data.get(snapshot.objectId(objectIndex));
        if (d == null || d.bytes() == null || d.kind() != ObjectKind.INSTANCE) {
            return -1;
        }
        FieldLayout layout = snapshot.classes().layout(snapshot.classIndexOf(objectIndex));
        int i = layout.find(field);
        if (i < 0 || layout.types()[i] != HprofType.OBJECT || layout.offsets()[i] + idSize() > d.bytes().length) {
            return -1;
        }
        long id = HprofInput.getId(d.bytes(), layout.offsets()[i], idSize());
        return id == 0 ? -1 : snapshot.indexOf(id);
    }

    /** A primitive field's raw value (sign-extended for int/short/byte), or null. */
    public Long primitiveField(int objectIndex, String field) {
        ObjectData d = data.get(snapshot.objectId(objectIndex));
        if (d == null || d.bytes() == null || d.kind() != ObjectKind.INSTANCE) {
            return null;
        }
        FieldLayout layout = snapshot.classes().layout(snapshot.classIndexOf(objectIndex));
        int i = layout.find(field);
        if (i < 0 || layout.types()[i] == HprofType.OBJECT) {
            return null;
        }
        int off = layout.offsets()[i];
        byte[] b = d.bytes();
        switch (HprofType.fileSize(layout.types()[i], idSize())) {
            case 1:
                return (long) b[off];
            case 2:
                return (long) (short) (((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF));
            case 4:
                return (long) (int) HprofInput.getId(b, off, 4);
            default:
                return HprofInput.getId(b, off, 8);
        }
    }

    /**
     * How {@code source} refers to {@code target}: a field name, {@code [i]} for an array element,
     * {@code static NAME}, {@code <class>}, {@code <super>}, {@code <classloader>} or a thread-stack
     * root kind. Needs {@code source} loaded (class objects need nothing).
     */
    public String referenceName(int source, int target) {
        long targetId = snapshot.objectId(target);
        HeapClassTable classes = snapshot.classes();
        byte kind = snapshot.kind(source);
        if (kind == ObjectKind.CLASS) {
            int c = snapshot.classIndexOfClassObject(source);
            String[] names = classes.staticNames(c);
            byte[] types = classes.staticTypes(c);
            long[] values = classes.staticValues(c);
            for (int i = 0; i < names.length; i++) {
                if (types[i] == HprofType.OBJECT && values[i] == targetId) {
                    return "static " + names[i];
                }
            }
            int s = classes.superClass(c);
            if (s >= 0 && classes.classObject(s) == target) {
                return "<super>";
            }
            if (classes.loaderObject(c) == target) {
                return "<classloader>";
            }
        }
        ObjectData d = data.get(snapshot.objectId(source));
        if (d != null && kind == ObjectKind.OBJECT_ARRAY && d.elements() != null) {
            long[] e = d.elements();
            for (int i = 0; i < e.length; i++) {
                if (e[i] == targetId) {
                    return "[" + i + "]";
                }
            }
        }
        if (d != null && kind == ObjectKind.INSTANCE && d.bytes() != null) {
            FieldLayout layout = classes.layout(snapshot.classIndexOf(source));
            for (int i = 0; i < layout.names().length; i++) {
                int off = layout.offsets()[i];
                if (layout.types()[i] == HprofType.OBJECT && off + idSize() <= d.bytes().length
                        && HprofInput.getId(d.bytes(), off, idSize()) == targetId) {
                    return layout.names()[i];
                }
            }
        }
        int[] lt = snapshot.threadLocalThreads();
        int[] lo = snapshot.threadLocalObjects();
        for (int i = 0; i < lt.length; i++) {
            if (lt[i] == source && lo[i] == target) {
                return "<" + rootKindName(snapshot.threadLocalKindMasks()[i]) + ">";
            }
        }
        if (snapshot.graph().classObjectOf(source) == target) {
            return "<class>";
        }
        return "?";
    }

    private static String rootKindName(int mask) {
        for (io.leakscan.heap.GcRootKind k : io.leakscan.heap.GcRootKind.values()) {
            if ((mask & k.bit()) != 0) {
                return k.label();
            }
        }
        return "root";
    }

    private int idSize() {
        return snapshot.info().idSize();
    }
}

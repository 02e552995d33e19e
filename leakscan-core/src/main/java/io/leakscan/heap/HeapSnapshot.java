package io.leakscan.heap;

import java.nio.file.Path;

/**
 * The compact model of one heap dump: every object by a dense index (its rank in address order),
 * its class, shallow size and kind, the reference graph, the class table and the GC roots.
 *
 * <p>Memory per object: 4 (class) + 4 (array length) + 1 (kind) + 4 (graph offsets) + about 2 for the
 * id lookup (about 9 when the ids are too sparse for its bitmap) = about 15 bytes, plus 5 bytes per
 * reference (target and field slot). Shallow sizes are computed from kind, class and length. See {@code docs/memory.md}.
 *
 * <p>Built by {@link HeapLoader}, which reads the file; the snapshot itself never touches the file.
 * Immutable after construction; thread-safe to read.
 */
public final class HeapSnapshot {
    private final DumpInfo info;
    private final IdIndex idIndex;
    private final byte[] kinds;
    private final int[] arrayLengths;
    private final ShallowSizes shallowSizes;
    private final HeapGraph graph;
    private final byte[] edgeSlots;
    private final HeapClassTable classes;
    private final int[] rootObjects;
    private final int[] rootKindMasks;
    private final int[] threadLocalThreads;
    private final int[] threadLocalObjects;
    private final int[] threadLocalKindMasks;
    private final int systemClassLoaderObject;

    HeapSnapshot(DumpInfo info, IdIndex idIndex, byte[] kinds, int[] arrayLengths,
            ShallowSizes shallowSizes, HeapGraph graph, byte[] edgeSlots,
            HeapClassTable classes, int[] rootObjects, int[] rootKindMasks, int[] threadLocalThreads,
            int[] threadLocalObjects, int[] threadLocalKindMasks, int systemClassLoaderObject) {
        this.info = info;
        this.idIndex = idIndex;
        this.kinds = kinds;
        this.arrayLengths = arrayLengths;
        this.shallowSizes = shallowSizes;
        this.graph = graph;
        this.edgeSlots = edgeSlots;
        this.classes = classes;
        this.rootObjects = rootObjects;
        this.rootKindMasks = rootKindMasks;
        this.threadLocalThreads = threadLocalThreads;
        this.threadLocalObjects = threadLocalObjects;
        this.threadLocalKindMasks = threadLocalKindMasks;
        this.systemClassLoaderObject = systemClassLoaderObject;
    }

    /** Facts about the dump file (format, id size, time, counts of anomalies). */
    public DumpInfo info() {
        return info;
    }

    public Path file() {
        return info.file();
    }

    /** Number of objects, including class objects and MAT's {@code <system class loader>} pseudo-object. */
    public int objectCount() {
        return idIndex.size();
    }

    /** Address (HPROF identifier) of an object. */
    public long objectId(int objectIndex) {
        return idIndex.idAt(objectIndex);
    }

    /** Object index of an address, or -1. */
    public int indexOf(long objectId) {
        return idIndex.indexOf(objectId);
    }

    /** One of the {@link ObjectKind} constants. */
    public byte kind(int objectIndex) {
        return kinds[objectIndex];
    }

    /** Element count of an array, -1 for other objects. */
    public int arrayLength(int objectIndex) {
        return arrayLengths[objectIndex];
    }

    /** Class index of the object's class (java.lang.Class for class objects). */
    public int classIndexOf(int objectIndex) {
        return graph.classIndexOf()[objectIndex];
    }

    /** Shallow size in bytes, by MAT's rules ({@link ShallowSizes}: computed, not stored). */
    public long shallowBytes(int objectIndex) {
        byte k = kinds[objectIndex];
        return shallowSizes.of(k, k == ObjectKind.CLASS ? arrayLengths[objectIndex] : graph.classIndexOf()[objectIndex],
                arrayLengths[objectIndex]);
    }

    public HeapGraph graph() {
        return graph;
    }

    /** {@link EdgeSlot} of the reference at position {@code edge} of {@link HeapGraph#out()}. */
    public int edgeSlot(int edge) {
        return edgeSlots[edge] & 0xFF;
    }

    /**
     * How the reference at position {@code edge} (an explicit edge of {@code source}) is named: a field
     * name, {@code []} for an array element, {@code static NAME}, {@code <super>}, {@code <classloader>}
     * or {@code <thread stack>}.
     */
    public String edgeName(int source, int edge) {
        int slot = edgeSlot(edge);
        switch (kinds[source]) {
            case ObjectKind.OBJECT_ARRAY:
                return "[]";
            case ObjectKind.CLASS:
                if (slot == EdgeSlot.SUPER) {
                    return "<super>";
                }
                if (slot == EdgeSlot.LOADER) {
                    return "<classloader>";
                }
                String[] statics = classes.referenceStaticNames(arrayLengths[source]);
                return slot < statics.length ? "static " + statics[slot] : "static ?";
            default:
                if (slot == EdgeSlot.THREAD_LOCAL) {
                    return "<thread stack>";
                }
                String[] fields = classes.referenceFieldNames(classIndexOf(source));
                return slot < fields.length ? fields[slot] : "?";
        }
    }

    /**
     * The object the reference field {@code field} of an instance points to, read off the graph's edge
     * slots (no file access), or -1 when the field is null, unknown, or shares its target with an earlier
     * reference of the same object (duplicate references are kept once). Cost: O(out-degree).
     */
    public int fieldTarget(int objectIndex, String field) {
        if (kinds[objectIndex] != ObjectKind.INSTANCE) {
            return -1;
        }
        String[] fields = classes.referenceFieldNames(classIndexOf(objectIndex));
        int position = java.util.Arrays.asList(fields).indexOf(field);
        if (position < 0 || position > EdgeSlot.MAX_POSITION) {
            return -1;
        }
        int[] outStart = graph.outStart();
        int[] out = graph.out();
        for (int e = outStart[objectIndex]; e < outStart[objectIndex + 1]; e++) {
            if (edgeSlot(e) == position) {
                return out[e];
            }
        }
        return -1;
    }

    public HeapClassTable classes() {
        return classes;
    }

    /**
     * For a class object, its class index; -1 for any other object. Linear in classes on first use is
     * avoided by the builder storing it in the array-length slot of class objects.
     */
    public int classIndexOfClassObject(int objectIndex) {
        return kinds[objectIndex] == ObjectKind.CLASS ? arrayLengths[objectIndex] : -1;
    }

    /** Distinct objects that are GC roots (thread-stack roots of known threads are not: see docs). */
    public int[] rootObjects() {
        return rootObjects;
    }

    /** {@link GcRootKind} bit mask of each entry of {@link #rootObjects()}. */
    public int[] rootKindMasks() {
        return rootKindMasks;
    }

    /** Thread object index of each thread-stack root (parallel to {@link #threadLocalObjects()}). */
    public int[] threadLocalThreads() {
        return threadLocalThreads;
    }

    /** Object held on a thread's stack (a reference from the thread object in the graph). */
    public int[] threadLocalObjects() {
        return threadLocalObjects;
    }

    public int[] threadLocalKindMasks() {
        return threadLocalKindMasks;
    }

    /** Index of MAT's {@code <system class loader>} pseudo-object (address 0). */
    public int systemClassLoaderObject() {
        return systemClassLoaderObject;
    }

    /**
     * The same snapshot with more GC roots of one kind (used for {@code --keep-unreachable}). Shares
     * every array but the root lists; O(objects).
     */
    public HeapSnapshot withAdditionalRoots(int[] objects, GcRootKind kind) {
        int[] mask = new int[idIndex.size()];
        for (int i = 0; i < rootObjects.length; i++) {
            mask[rootObjects[i]] |= rootKindMasks[i];
        }
        for (int o : objects) {
            mask[o] |= kind.bit();
        }
        io.leakscan.util.IntArrayList ro = new io.leakscan.util.IntArrayList(rootObjects.length + objects.length);
        io.leakscan.util.IntArrayList rm = new io.leakscan.util.IntArrayList(rootObjects.length + objects.length);
        for (int o = 0; o < mask.length; o++) {
            if (mask[o] != 0) {
                ro.add(o);
                rm.add(mask[o]);
            }
        }
        int[] roots = ro.toArray();
        HeapGraph g = new HeapGraph(graph.objectCount(), graph.outStart(), graph.out(), graph.classIndexOf(),
                graph.classObjectIndex(), roots);
        return new HeapSnapshot(info, idIndex, kinds, arrayLengths, shallowSizes, g, edgeSlots, classes, roots, rm.toArray(), threadLocalThreads, threadLocalObjects,
                threadLocalKindMasks, systemClassLoaderObject);
    }

    /** A display name like MAT's: {@code java.util.HashMap @ 0x7f01a2b8} or {@code class java.lang.System @ 0x…}. */
    public String describe(int objectIndex) {
        String addr = " @ 0x" + Long.toHexString(objectId(objectIndex));
        switch (kinds[objectIndex]) {
            case ObjectKind.CLASS:
                return "class " + classes.name(arrayLengths[objectIndex]) + addr;
            case ObjectKind.SYSTEM_CLASS_LOADER:
                return "<system class loader>";
            case ObjectKind.OBJECT_ARRAY:
            case ObjectKind.PRIMITIVE_ARRAY: {
                String n = classes.name(classIndexOf(objectIndex));
                int dims = n.indexOf("[]");
                return (dims < 0 ? n : n.substring(0, dims) + "[" + arrayLengths[objectIndex] + "]"
                        + n.substring(dims + 2)) + addr;
            }
            default:
                return classes.name(classIndexOf(objectIndex)) + addr;
        }
    }
}

package io.leakscan.heap;

import io.leakscan.hprof.HprofFormatException;
import io.leakscan.hprof.HprofInput;
import io.leakscan.hprof.HprofType;
import io.leakscan.util.ChunkedLongList;
import io.leakscan.util.IntArrayList;
import io.leakscan.util.LongArrayList;
import io.leakscan.util.StepTimes;
import java.util.Arrays;
import java.util.List;

/**
 * Second half of building a snapshot: sorts the objects by address (their rank becomes their index),
 * maps every raw reference id to an index, drops dangling references, removes duplicate references per
 * object (as MAT does), and lays the graph out in compressed-sparse-row form.
 *
 * <p>Runs in O(objects · log objects + references). Not thread-safe; used once per builder.
 */
final class SnapshotAssembler {
    private final HeapBuilder b;
    private final int objectAlign;
    private final int refSize;
    private final int javaLangClass;
    private final int syntheticClasses;
    private final HprofInput in;

    SnapshotAssembler(HeapBuilder b, int objectAlign, int refSize, int javaLangClass, int syntheticClasses,
            HprofInput in) {
        this.b = b;
        this.objectAlign = objectAlign;
        this.refSize = refSize;
        this.javaLangClass = javaLangClass;
        this.syntheticClasses = syntheticClasses;
        this.in = in;
    }

    HeapSnapshot assemble() {
        long stepStart = System.nanoTime();
        final int n = b.objectIds().size();
        final long[] fileIds = b.objectIds().raw();
        java.util.function.LongConsumer duplicate = id -> {
            throw new HprofFormatException(b.file(), "two objects have the same id 0x" + Long.toHexString(id));
        };
        IdIndex index = IdIndex.fromUnsorted(fileIds, n, duplicate);
        if (index == null) {
            long[] sortedIds = Arrays.copyOf(fileIds, n);
            Arrays.parallelSort(sortedIds);
            for (int i = 1; i < n; i++) {
                if (sortedIds[i] == sortedIds[i - 1]) {
                    duplicate.accept(sortedIds[i]);
                }
            }
            index = new IdIndex(sortedIds);
        }

        StepTimes.record("  id index", stepStart);
        stepStart = System.nanoTime();
        int[] perm = new int[n];
        for (int f = 0; f < n; f++) {
            perm[index.indexOf(fileIds[f])] = f;
        }

        List<ClassRecord> classes = b.classes();
        int classCount = classes.size();
        byte[] kinds = new byte[n];
        int[] classIndexOf = new int[n];
        int[] lengths = new int[n];
        int[] classObjectIndex = new int[classCount];
        Arrays.fill(classObjectIndex, -1);
        int systemLoader = -1;
        for (int r = 0; r < n; r++) {
            int f = perm[r];
            byte k = b.kinds().get(f);
            kinds[r] = k;
            classIndexOf[r] = b.classOf().get(f);
            lengths[r] = b.lengths().get(f);
            if (k == ObjectKind.CLASS) {
                classObjectIndex[lengths[r]] = r;
            } else if (k == ObjectKind.SYSTEM_CLASS_LOADER) {
                systemLoader = r;
            }
        }

        StepTimes.record("  per-object arrays by address", stepStart);
        stepStart = System.nanoTime();
        // Shallow sizes by MAT's rules.
        int[] shallow = new int[n];
        IntArrayList hugeObjects = new IntArrayList(4);
        LongArrayList hugeBytes = new LongArrayList(4);
        int idSize = b.idSize();
        long arrayHeader = idSize + refSize + 4;
        long primitiveHeader = HeapBuilder.align(arrayHeader, refSize);
        for (int r = 0; r < n; r++) {
            long size;
            switch (kinds[r]) {
                case ObjectKind.OBJECT_ARRAY -> size = HeapBuilder.align(arrayHeader + (long) lengths[r] * refSize, objectAlign);
                case ObjectKind.PRIMITIVE_ARRAY -> size = HeapBuilder.align(primitiveHeader
                        + (long) lengths[r] * HprofType.fileSize(classes.get(classIndexOf[r]).primitiveElementType, idSize),
                        objectAlign);
                case ObjectKind.CLASS -> size = classes.get(lengths[r]).classObjectBytes;
                default -> size = classes.get(classIndexOf[r]).instanceBytes;
            }
            if (size <= Integer.MAX_VALUE) {
                shallow[r] = (int) size;
            } else {
                shallow[r] = -1;
                hugeObjects.add(r);
                hugeBytes.add(size);
            }
        }

        // Class table links.
        int[] superClassIndex = new int[classCount];
        int[] loaderObjectIndex = new int[classCount];
        String[][] fieldNames = new String[classCount][];
        String[][] staticNames = new String[classCount][];
        for (ClassRecord c : classes) {
            int si = c.superClassId == 0 ? -1 : b.classIndexById().get(c.superClassId);
            superClassIndex[c.index] = si;
            int li = c.loaderId == 0 ? -1 : index.indexOf(c.loaderId);
            loaderObjectIndex[c.index] = li >= 0 ? li : systemLoader;
            fieldNames[c.index] = names(c.fieldNameIds);
            staticNames[c.index] = names(c.staticNameIds);
        }

        // Roots.
        long danglingRoots = 0;
        int[] rootMask = new int[n];
        LongArrayList rootIds = b.rootIds();
        boolean anySystemClass = false;
        for (int i = 0; i < rootIds.size(); i++) {
            int r = index.indexOf(rootIds.get(i));
            if (r < 0) {
                danglingRoots++;
                continue;
            }
            rootMask[r] |= b.rootKinds().get(i);
            anySystemClass |= b.rootKinds().get(i) == GcRootKind.SYSTEM_CLASS.bit();
        }
        if (!anySystemClass) {
            for (ClassRecord c : classes) {
                if (!c.isArray() && c.loaderId == 0 && classObjectIndex[c.index] >= 0) {
                    rootMask[classObjectIndex[c.index]] |= GcRootKind.SYSTEM_CLASS.bit();
                }
            }
        }
        IntArrayList rootObjects = new IntArrayList(rootIds.size());
        IntArrayList rootMasks = new IntArrayList(rootIds.size());
        for (int r = 0; r < n; r++) {
            if (rootMask[r] != 0) {
                rootObjects.add(r);
                rootMasks.add(rootMask[r]);
            }
        }
        rootMask = null;

        // Thread-stack roots: references from their thread object, sorted by thread for the merge below.
        int locals = b.localObjectIds().size();
        IntArrayList localThread = new IntArrayList(locals);
        IntArrayList localObject = new IntArrayList(locals);
        IntArrayList localKind = new IntArrayList(locals);
        for (int i = 0; i < locals; i++) {
            int t = index.indexOf(b.localThreadIds().get(i));
            int o = index.indexOf(b.localObjectIds().get(i));
            if (t < 0 || o < 0) {
                danglingRoots++;
                continue;
            }
            localThread.add(t);
            localObject.add(o);
            localKind.add(b.localKinds().get(i));
        }
        int[] localOrder = sortByKey(localThread.toArray());

        // The graph, with references deduplicated per object (MAT keeps each target once).
        ChunkedLongList raw = b.rawEdges();
        long rawCount = raw.size();
        // Ids to indices first, on every core (the lookups are independent and the main cost of this
        // step); -1 marks a dangling reference.
        final IdIndex ids = index;
        StepTimes.record("  sizes, class links, roots", stepStart);
        stepStart = System.nanoTime();
        raw.replaceAll(id -> ids.indexOf(id));
        StepTimes.record("  references: ids to indices", stepStart);
        stepStart = System.nanoTime();
        long capacity = rawCount + 2L * classCount + localThread.size();
        if (capacity > Integer.MAX_VALUE - 16) {
            throw new HprofFormatException(b.file(), "too many references for this version (" + capacity + ")");
        }
        int[] out = new int[(int) capacity];
        byte[] slots = new byte[(int) capacity];
        io.leakscan.util.ChunkedByteList rawSlots = b.rawSlots();
        int[] outStart = new int[n + 1];
        int[] lastSource = new int[n];
        Arrays.fill(lastSource, -1);
        long dangling = 0;
        long danglingFromArrays = 0;
        int pos = 0;
        int lp = 0;
        for (int r = 0; r < n; r++) {
            outStart[r] = pos;
            int f = perm[r];
            int typeObject = classObjectIndex[classIndexOf[r]];
            if (typeObject >= 0) {
                lastSource[typeObject] = r; // the implicit edge to the class
            }
            if (kinds[r] == ObjectKind.CLASS) {
                ClassRecord c = classes.get(lengths[r]);
                int s = superClassIndex[c.index];
                if (s >= 0) {
                    int so = classObjectIndex[s];
                    if (so >= 0 && lastSource[so] != r) {
                        lastSource[so] = r;
                        slots[pos] = (byte) EdgeSlot.SUPER;
                        out[pos++] = so;
                    }
                }
                int lo = loaderObjectIndex[c.index];
                if (lo >= 0 && lastSource[lo] != r) {
                    lastSource[lo] = r;
                    slots[pos] = (byte) EdgeSlot.LOADER;
                    out[pos++] = lo;
                }
            }
            int start = b.edgeStart().get(f);
            int count = b.edgeCount().get(f);
            for (int e = 0; e < count; e++) {
                int t = (int) raw.get(start + (long) e);
                if (t < 0) {
                    dangling++;
                    if (kinds[r] == ObjectKind.OBJECT_ARRAY) {
                        danglingFromArrays++; // what HotSpot leaves out is referenced from arrays (docs/semantics.md)
                    }
                } else if (lastSource[t] != r) {
                    lastSource[t] = r;
                    slots[pos] = rawSlots.get(start + (long) e);
                    out[pos++] = t;
                }
            }
            while (lp < localOrder.length && localThread.get(localOrder[lp]) == r) {
                int t = localObject.get(localOrder[lp++]);
                if (lastSource[t] != r) {
                    lastSource[t] = r;
                    slots[pos] = (byte) EdgeSlot.THREAD_LOCAL;
                    out[pos++] = t;
                }
            }
        }
        outStart[n] = pos;
        lastSource = null;
        out = Arrays.copyOf(out, pos);
        slots = Arrays.copyOf(slots, pos);

        StepTimes.record("  references: graph layout", stepStart);
        // Logical container sizes read during the parse, by object index.
        int sizes = b.sizeObjects().size();
        long[] packedSizes = new long[sizes];
        for (int i = 0; i < sizes; i++) {
            int r = index.indexOf(fileIds[b.sizeObjects().get(i)]);
            packedSizes[i] = ((long) r << 32) | (b.sizeValues().get(i) & 0xFFFFFFFFL);
        }
        Arrays.sort(packedSizes);
        int[] sizeObjects = new int[sizes];
        int[] sizeValues = new int[sizes];
        for (int i = 0; i < sizes; i++) {
            sizeObjects[i] = (int) (packedSizes[i] >>> 32);
            sizeValues[i] = (int) packedSizes[i];
        }

        HeapGraph graph = new HeapGraph(n, outStart, out, classIndexOf, classObjectIndex, rootObjects.toArray());
        HeapClassTable table = new HeapClassTable(classes, classObjectIndex, superClassIndex, loaderObjectIndex,
                fieldNames, staticNames, javaLangClass, idSize);
        DumpInfo info = new DumpInfo(b.file(), in.fileBytes(), in.isGzip(), b.header().formatVersion(), idSize,
                b.header().timestampMillis(), idSize == 8 && refSize == 4, objectAlign, b.heapDumpCount(),
                b.wantedDump(), dangling, danglingFromArrays, danglingRoots, syntheticClasses, b.truncationProblem(),
                b.truncationProblem() != null ? b.truncationOffset() : in.position());
        int[] lt = new int[localOrder.length];
        int[] lo = new int[localOrder.length];
        int[] lk = new int[localOrder.length];
        for (int i = 0; i < localOrder.length; i++) {
            lt[i] = localThread.get(localOrder[i]);
            lo[i] = localObject.get(localOrder[i]);
            lk[i] = localKind.get(localOrder[i]);
        }
        return new HeapSnapshot(info, index, kinds, lengths, shallow, hugeObjects.toArray(), hugeBytes.toArray(),
                graph, slots, sizeObjects, sizeValues, table, rootObjects.toArray(), rootMasks.toArray(), lt, lo, lk,
                systemLoader);
    }

    private String[] names(long[] ids) {
        String[] out = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            String s = ids[i] == 0 ? null : b.strings.get(ids[i]);
            out[i] = s != null ? s : "field" + i;
        }
        return out;
    }

    /** Positions of {@code keys} in ascending key order (stable counting sort would need the key range; keys are few). */
    private static int[] sortByKey(int[] keys) {
        long[] packed = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            packed[i] = ((long) keys[i] << 32) | i;
        }
        Arrays.sort(packed);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) packed[i];
        }
        return order;
    }
}

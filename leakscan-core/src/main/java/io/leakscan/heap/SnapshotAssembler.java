package io.leakscan.heap;

import io.leakscan.hprof.HprofFormatException;
import io.leakscan.hprof.HprofInput;
import io.leakscan.hprof.HprofType;
import io.leakscan.util.ByteList;
import io.leakscan.util.ChunkedIntList;
import io.leakscan.util.Limits;
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
        long[] fileIds = b.objectIds().raw();
        java.util.function.LongConsumer duplicate = id -> {
            throw new HprofFormatException(b.file(), "two objects have the same id 0x" + Long.toHexString(id));
        };
        Limits.checkObjects(n);
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

        fileIds = null;
        b.releaseObjectIds(); // 8 bytes per object: the id index answers every later lookup
        StepTimes.record("  permutation", stepStart);
        stepStart = System.nanoTime();

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

        b.releaseObjectFacts();
        StepTimes.record("  per-object arrays by address", stepStart);
        stepStart = System.nanoTime();
        int idSize = b.idSize();
        ShallowSizes shallow = new ShallowSizes(classes, idSize, refSize, objectAlign);

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
        // Ids to indices first, on every core (the lookups are independent and the main cost of this
        // step), into ints: 4 bytes per reference instead of 8, each chunk of ids freed once mapped.
        // -1 marks a dangling reference.
        final IdIndex ids = index;
        StepTimes.record("  sizes, class links, roots", stepStart);
        stepStart = System.nanoTime();
        ChunkedIntList raw = b.takeRawEdges().mapToInt(ids::indexOf);
        io.leakscan.util.ChunkedByteList rawSlots = b.takeRawSlots();
        StepTimes.record("  references: ids to indices", stepStart);
        stepStart = System.nanoTime();
        // Then, in file order (sequential reads), each object's references are compacted in place:
        // dangling ones and repeated targets dropped. The graph's size is then known up to the few class
        // and thread-stack edges added below, so its arrays are allocated once, never trimmed by a copy.
        IntArrayList edgeStart = b.edgeStart();
        IntArrayList edgeCount = b.edgeCount();
        // In place only when the objects' edge blocks lie in file order (HotSpot); instances parked until
        // their class was known (the old hprof agent) have theirs at the end, so those dumps compact into
        // new lists instead.
        boolean inPlace = edgeBlocksInFileOrder(edgeStart, edgeCount, n);
        ChunkedIntList keptTargets = inPlace ? raw : new ChunkedIntList();
        io.leakscan.util.ChunkedByteList keptSlots = inPlace ? rawSlots : new io.leakscan.util.ChunkedByteList();
        int[] lastSource = new int[n];
        Arrays.fill(lastSource, -1);
        long dangling = 0;
        long danglingFromArrays = 0;
        ByteList fileKinds = b.kinds();
        long kept = 0;
        for (int f = 0; f < n; f++) {
            long start = edgeStart.get(f);
            int count = edgeCount.get(f);
            long newStart = kept;
            for (int e = 0; e < count; e++) {
                int t = raw.get(start + e);
                if (t < 0) {
                    dangling++;
                    if (fileKinds.get(f) == ObjectKind.OBJECT_ARRAY) {
                        danglingFromArrays++; // what HotSpot leaves out is referenced from arrays (docs/semantics.md)
                    }
                } else if (lastSource[t] != f) {
                    lastSource[t] = f;
                    if (inPlace) {
                        raw.set(kept, t);
                        rawSlots.set(kept, rawSlots.get(start + e));
                    } else {
                        keptTargets.add(t);
                        keptSlots.add(rawSlots.get(start + e));
                    }
                    kept++;
                }
            }
            edgeStart.set(f, (int) newStart);
            edgeCount.set(f, (int) (kept - newStart));
        }
        fileKinds = null;
        b.releaseFileOrderKinds();
        if (inPlace) {
            raw.truncate(kept);
            rawSlots.truncate(kept);
        } else {
            raw = keptTargets;
            rawSlots = keptSlots;
        }
        long capacity = kept + 2L * classCount + localThread.size();
        Limits.checkReferences(capacity);
        StepTimes.record("  references: compacted", stepStart);
        stepStart = System.nanoTime();
        int[] out = new int[(int) capacity];
        byte[] slots = new byte[(int) capacity];
        int[] outStart = new int[n + 1];
        Arrays.fill(lastSource, -1);
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
            long start = edgeStart.get(f);
            int count = edgeCount.get(f);
            for (int e = 0; e < count; e++) {
                int t = raw.get(start + e);
                if (lastSource[t] != r) {
                    lastSource[t] = r;
                    slots[pos] = rawSlots.get(start + e);
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
        // out and slots keep a few unused slots at their end (class and thread-stack edges that were
        // duplicates): readers go by outStart, never by the arrays' length.
        lastSource = null;
        raw = null;
        rawSlots = null;
        perm = null;
        b.releaseEdgeOffsets();

        StepTimes.record("  references: graph layout", stepStart);
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
        return new HeapSnapshot(info, index, kinds, lengths, shallow, graph, slots, table, rootObjects.toArray(), rootMasks.toArray(), lt, lo, lk,
                systemLoader);
    }

    /** True when every object's block of raw references starts at or after the previous object's block ends. */
    private static boolean edgeBlocksInFileOrder(IntArrayList edgeStart, IntArrayList edgeCount, int n) {
        long end = 0;
        for (int f = 0; f < n; f++) {
            int count = edgeCount.get(f);
            if (count == 0) {
                continue;
            }
            int start = edgeStart.get(f);
            if (start < end) {
                return false;
            }
            end = (long) start + count;
        }
        return true;
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

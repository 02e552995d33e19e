package io.leakscan.heap;

import io.leakscan.hprof.HprofClassDump;
import io.leakscan.hprof.HprofFormatException;
import io.leakscan.hprof.HprofHeader;
import io.leakscan.hprof.HprofInput;
import io.leakscan.hprof.HprofSubTag;
import io.leakscan.hprof.HprofType;
import io.leakscan.hprof.HprofVisitor;
import io.leakscan.util.ByteList;
import io.leakscan.util.ChunkedByteList;
import io.leakscan.util.ChunkedLongList;
import io.leakscan.util.IntArrayList;
import io.leakscan.util.LongArrayList;
import io.leakscan.util.LongIntMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects one heap dump's records in a single sequential pass and turns them into a
 * {@link HeapSnapshot}, following Eclipse MAT's rules for sizes, references and roots (see
 * {@code docs/semantics.md}).
 *
 * <p>While reading it keeps, per object, its id, kind, class and array length in growable primitive
 * arrays, and every outgoing reference as a raw id in a chunked list; ids are mapped to dense indices
 * only once all objects are known, because a reference may point forward in the file. Instances whose
 * class is described later in the file (the old hprof agent writes classes last) have their field
 * bytes parked and decoded at the end.
 *
 * <p>Not thread-safe; one builder per dump.
 */
final class HeapBuilder implements HprofVisitor {
    private static final int UNRESOLVED = -1;
    /** Largest field data a made-up class gets: more than any real class (65,535 fields) needs. */
    private static final int MAX_FAKE_FIELD_BYTES = 65_535 * 8;

    private final Path file;
    private final int wantedDump;
    private HprofHeader header;
    private int idSize;

    final StringTable strings = new StringTable();
    private final LongIntMap loadClassIndex = new LongIntMap(1 << 12, -1);
    private final LongArrayList loadClassNameIds = new LongArrayList(1 << 12);
    private final LongIntMap threadSerialIndex = new LongIntMap(64, -1);
    private final LongArrayList threadObjectIds = new LongArrayList(64);

    private final List<ClassRecord> classes = new ArrayList<>();
    private final LongIntMap classIndexById = new LongIntMap(1 << 12, -1);

    // Per object, in file order.
    // Not final: the assembler releases each list as soon as it has consumed it (docs/memory.md).
    private LongArrayList objectIds;
    private ByteList kinds;
    private IntArrayList classOf;
    private IntArrayList lengths;
    private IntArrayList edgeStart;
    private IntArrayList edgeCount;
    private ChunkedLongList rawEdges = new ChunkedLongList();
    /** Beside each raw edge: its {@link EdgeSlot} (field position). */
    private ChunkedByteList rawSlots = new ChunkedByteList();
    /** (file index, class id) of objects whose class was not yet described when they were read. */
    private final LongArrayList unresolvedClass = new LongArrayList(64);
    /** Field bytes of instances whose class layout was unknown when they were read. */
    private final ByteList parked = new ByteList(1024);

    // Roots.
    private final LongArrayList rootIds = new LongArrayList(1 << 10);
    private final IntArrayList rootKinds = new IntArrayList(1 << 10);
    private final LongArrayList localThreadIds = new LongArrayList(1 << 10);
    private final LongArrayList localObjectIds = new LongArrayList(1 << 10);
    private final IntArrayList localKinds = new IntArrayList(1 << 10);

    // MAT's compressed-oops detection: state over object arrays in file order.
    private long previousArrayStart;
    private long previousArrayUncompressedEnd;
    private boolean compressedOops;

    private int heapDumpCount;
    private long lastObjectOffset = -1;
    /** Why and where the file ended early, or null. */
    private String truncationProblem;
    private long truncationOffset = -1;
    private final LongArrayList heapDumpOffsets = new LongArrayList(4);
    private boolean sawWantedDump;
    private final boolean[] primitiveTypeSeen = new boolean[12];

    /**
     * @param expectedObjects a guess of the number of objects, to size the per-object lists once instead
     *                        of growing (and copying) them many times; any value works
     */
    HeapBuilder(Path file, int wantedDump, long expectedObjects) {
        this.file = file;
        this.wantedDump = wantedDump;
        int capacity = (int) Math.max(1 << 12, Math.min(expectedObjects, 1 << 28));
        objectIds = new LongArrayList(capacity);
        kinds = new ByteList(capacity);
        classOf = new IntArrayList(capacity);
        lengths = new IntArrayList(capacity);
        edgeStart = new IntArrayList(capacity);
        edgeCount = new IntArrayList(capacity);
    }

    @Override
    public void header(HprofHeader h) {
        this.header = h;
        this.idSize = h.idSize();
    }

    HprofHeader header() {
        return header;
    }

    @Override
    public void utf8(long stringId, byte[] buf, int offset, int length) {
        strings.add(stringId, buf, offset, length);
    }

    @Override
    public void loadClass(int classSerial, long classId, int stackTraceSerial, long nameStringId) {
        int i = loadClassIndex.get(classId);
        if (i < 0) {
            loadClassIndex.put(classId, loadClassNameIds.size());
            loadClassNameIds.add(nameStringId);
        } else {
            loadClassNameIds.set(i, nameStringId);
        }
    }

    @Override
    public boolean wantsHeapDump(int dumpIndex) {
        heapDumpCount = Math.max(heapDumpCount, dumpIndex + 1);
        boolean want = dumpIndex == wantedDump;
        sawWantedDump |= want;
        return want;
    }

    int heapDumpCount() {
        return heapDumpCount;
    }

    int wantedDump() {
        return wantedDump;
    }

    /** Stream offsets of the heap dumps seen, for listing them when the user must choose. */
    LongArrayList heapDumpOffsets() {
        return heapDumpOffsets;
    }

    @Override
    public void heapDumpStart(int dumpIndex, long offset) {
        heapDumpOffsets.add(offset);
    }

    boolean sawWantedDump() {
        return sawWantedDump;
    }

    @Override
    public void gcRoot(int subTag, long objectId, int threadSerial, int frameNumber, long offset) {
        GcRootKind kind;
        switch (subTag) {
            case HprofSubTag.ROOT_UNKNOWN -> kind = GcRootKind.UNKNOWN;
            case HprofSubTag.ROOT_JNI_GLOBAL -> kind = GcRootKind.JNI_GLOBAL;
            case HprofSubTag.ROOT_STICKY_CLASS -> kind = GcRootKind.SYSTEM_CLASS;
            case HprofSubTag.ROOT_MONITOR_USED -> kind = GcRootKind.BUSY_MONITOR;
            case HprofSubTag.ROOT_THREAD_OBJECT -> {
                int i = threadSerialIndex.get(threadSerial);
                if (i < 0) {
                    threadSerialIndex.put(threadSerial, threadObjectIds.size());
                    threadObjectIds.add(objectId);
                } else {
                    threadObjectIds.set(i, objectId);
                }
                kind = GcRootKind.THREAD;
            }
            case HprofSubTag.ROOT_JNI_LOCAL -> kind = GcRootKind.JNI_LOCAL;
            case HprofSubTag.ROOT_JAVA_FRAME -> kind = GcRootKind.JAVA_LOCAL;
            case HprofSubTag.ROOT_NATIVE_STACK -> kind = GcRootKind.NATIVE_STACK;
            case HprofSubTag.ROOT_THREAD_BLOCK -> kind = GcRootKind.THREAD_BLOCK;
            case HprofSubTag.ROOT_JNI_MONITOR -> kind = GcRootKind.JNI_MONITOR;
            case HprofSubTag.ROOT_INTERNED_STRING -> kind = GcRootKind.INTERNED_STRING;
            case HprofSubTag.ROOT_FINALIZING -> kind = GcRootKind.FINALIZABLE;
            case HprofSubTag.ROOT_DEBUGGER -> kind = GcRootKind.DEBUGGER;
            case HprofSubTag.ROOT_UNREACHABLE -> kind = GcRootKind.UNREACHABLE;
            default -> kind = GcRootKind.VM_INTERNAL;
        }
        if (kind.isThreadLocal() && threadSerial >= 0) {
            // As MAT does: a stack root of a thread seen earlier is a reference from that thread object,
            // so the thread retains what its frames hold; it is not a GC root of its own.
            int t = threadSerialIndex.get(threadSerial);
            // A thread object id of 0 (the hprof agent writes one for its own thread) is no referrer:
            // MAT then keeps the stack root as a global root, and so do we.
            if (t >= 0 && threadObjectIds.get(t) != 0) {
                localThreadIds.add(threadObjectIds.get(t));
                localObjectIds.add(objectId);
                localKinds.add(kind.bit());
                return;
            }
        }
        rootIds.add(objectId);
        rootKinds.add(kind.bit());
    }

    @Override
    public void truncated(long subRecordOffset, long endOffset, String problem) {
        truncationProblem = problem;
        truncationOffset = endOffset;
        if (objectIds.size() > 0 && lastObjectOffset >= subRecordOffset) {
            // The last object's record is incomplete: drop it and whatever was noted about it.
            int last = objectIds.size() - 1;
            objectIds.truncate(last);
            kinds.truncate(last);
            classOf.truncate(last);
            lengths.truncate(last);
            edgeStart.truncate(last);
            edgeCount.truncate(last);
            while (unresolvedClass.size() >= 2 && unresolvedClass.get(unresolvedClass.size() - 2) == last) {
                unresolvedClass.truncate(unresolvedClass.size() - 2);
            }
        }
    }

    String truncationProblem() {
        return truncationProblem;
    }

    long truncationOffset() {
        return truncationOffset;
    }

    @Override
    public void classDump(HprofClassDump d) {
        if (classIndexById.containsKey(d.classId)) {
            throw new HprofFormatException(file, d.recordOffset,
                    "class 0x" + Long.toHexString(d.classId) + " is described twice");
        }
        ClassRecord c = new ClassRecord(d.classId);
        c.superClassId = d.superClassId;
        c.loaderId = d.classLoaderId;
        c.staticNameIds = Arrays.copyOf(d.staticNameIds, d.staticCount);
        c.staticTypes = Arrays.copyOf(d.staticTypes, d.staticCount);
        c.staticValues = Arrays.copyOf(d.staticValues, d.staticCount);
        c.fieldNameIds = Arrays.copyOf(d.fieldNameIds, d.fieldCount);
        c.fieldTypes = Arrays.copyOf(d.fieldTypes, d.fieldCount);
        c.unknownInstanceBytes = d.instanceSizeBytes; // kept for sizing a missing superclass
        addClass(c);
        int f = addObject(d.classId, ObjectKind.CLASS, -2, c.index);
        int start = (int) rawEdges.size();
        int position = 0;
        for (int i = 0; i < d.staticCount; i++) {
            if (d.staticTypes[i] == HprofType.OBJECT) {
                if (d.staticValues[i] != 0) {
                    addEdge(d.staticValues[i], position);
                }
                position++;
            }
        }
        setEdges(f, start);
    }

    private void addClass(ClassRecord c) {
        c.index = classes.size();
        classes.add(c);
        classIndexById.put(c.classId, c.index);
    }

    private int addObject(long id, byte kind, int classIndex, int length) {
        int f = objectIds.size();
        if (f >= io.leakscan.util.Limits.MAX_OBJECTS) {
            io.leakscan.util.Limits.checkObjects(f + 1L);
        }
        objectIds.add(id);
        kinds.add(kind);
        classOf.add(classIndex);
        lengths.add(length);
        edgeStart.add(0);
        edgeCount.add(0);
        return f;
    }

    private void setEdges(int fileIndex, int start) {
        long end = rawEdges.size();
        // Edge offsets are ints until the assembler compacts them: the dump's references (before dangling
        // ones and duplicates are dropped) must fit one Java array.
        io.leakscan.util.Limits.checkReferences(end);
        edgeStart.set(fileIndex, start);
        edgeCount.set(fileIndex, (int) (end - start));
    }

    /** Direct-mapped cache in front of {@link #classIndexById}: the per-instance lookup is the parser's hottest. */
    private final long[] classCacheIds = new long[1024];
    private final int[] classCacheIndex = new int[1024];

    private int classIndexOrUnresolved(int fileIndex, long classId) {
        int slot = (int) (classId ^ (classId >>> 13)) & 1023;
        if (classCacheIds[slot] == classId && classId != 0) {
            return classCacheIndex[slot];
        }
        int ci = classIndexById.get(classId);
        if (ci >= 0) {
            classCacheIds[slot] = classId;
            classCacheIndex[slot] = ci;
        }
        if (ci < 0) {
            unresolvedClass.add(fileIndex);
            unresolvedClass.add(classId);
            return UNRESOLVED;
        }
        return ci;
    }

    @Override
    public void instanceDump(long objectId, long classId, int fieldBytes, HprofInput in, long offset) {
        in.require(fieldBytes);
        lastObjectOffset = offset;
        int f = addObject(objectId, ObjectKind.INSTANCE, 0, -1);
        int ci = classIndexOrUnresolved(f, classId);
        classOf.set(f, ci);
        ClassRecord c = ci >= 0 ? classes.get(ci) : null;
        if (c != null && c.refOffsets == null) {
            computeLayout(c, false);
        }
        byte[] buf = in.buffer();
        int p = in.bufferPosition();
        if (c == null || c.refOffsets == null || c.fieldDataBytes != fieldBytes) {
            if (c != null && c.refOffsets != null) {
                throw new HprofFormatException(file, offset, "instance 0x" + Long.toHexString(objectId) + " has "
                        + fieldBytes + " bytes of fields but its class " + describeClass(c) + " declares "
                        + c.fieldDataBytes);
            }
            park(f, classId, buf, p, fieldBytes);
            return;
        }
        int start = (int) rawEdges.size();
        int[] offs = c.refOffsets;
        for (int i = 0; i < offs.length; i++) {
            long ref = HprofInput.getId(buf, p + offs[i], idSize);
            if (ref != 0) {
                addEdge(ref, i);
            }
        }
        setEdges(f, start);
    }

    private void addEdge(long targetId, int position) {
        rawEdges.add(targetId);
        rawSlots.add(EdgeSlot.of(position));
    }

    private String describeClass(ClassRecord c) {
        String n = className(c);
        return n != null ? n : "0x" + Long.toHexString(c.classId);
    }

    private void park(int fileIndex, long classId, byte[] buf, int p, int n) {
        parked.addInt(fileIndex);
        parked.addLong(classId);
        parked.addInt(n);
        parked.addBytes(buf, p, n);
    }

    @Override
    public void objectArrayDump(long objectId, long arrayClassId, int length, HprofInput in, long offset) {
        if (idSize == 8 && !compressedOops && objectId > previousArrayStart && objectId < previousArrayUncompressedEnd) {
            compressedOops = true;
        }
        previousArrayStart = objectId;
        previousArrayUncompressedEnd = objectId + 16 + (long) length * 8;
        lastObjectOffset = offset;
        int f = addObject(objectId, ObjectKind.OBJECT_ARRAY, 0, length);
        classOf.set(f, classIndexOrUnresolved(f, arrayClassId));
        int start = (int) rawEdges.size();
        for (int i = 0; i < length; i++) {
            long ref = in.readId();
            if (ref != 0) {
                addEdge(ref, EdgeSlot.ELEMENT);
            }
        }
        setEdges(f, start);
    }

    @Override
    public void primitiveArrayDump(long objectId, int elementType, int length, HprofInput in, long offset) {
        primitiveTypeSeen[elementType] = true;
        lastObjectOffset = offset;
        // The class is resolved by element type at the end: -(type) marks it until then.
        addObject(objectId, ObjectKind.PRIMITIVE_ARRAY, -elementType, length);
    }

    /**
     * Computes the field layout (reference offsets in the dump's field bytes, whole hierarchy). Leaves
     * it null while a superclass is still unknown unless {@code force}, which then fakes the missing
     * superclass as MAT does.
     */
    private void computeLayout(ClassRecord c, boolean force) {
        IntArrayList offs = new IntArrayList(8);
        int base = 0;
        ClassRecord k = c;
        int guard = 0;
        while (k != null) {
            if (++guard > 10_000) {
                throw new HprofFormatException(file, "class hierarchy of " + describeClass(c) + " has a cycle");
            }
            for (int i = 0; i < k.fieldTypes.length; i++) {
                int t = k.fieldTypes[i];
                if (t == HprofType.OBJECT) {
                    offs.add(base);
                }
                base += HprofType.fileSize(t, idSize);
            }
            if (k.superClassId == 0) {
                break;
            }
            int si = classIndexById.get(k.superClassId);
            if (si < 0) {
                if (!force) {
                    return;
                }
                si = fakeSuperclass(k).index;
            }
            k = classes.get(si);
        }
        c.refOffsets = offs.toArray();
        c.fieldDataBytes = base;
    }

    private ClassRecord fakeSuperclass(ClassRecord sub) {
        int own = 0;
        for (byte t : sub.fieldTypes) {
            own += HprofType.fileSize(t, idSize);
        }
        ClassRecord fake = new ClassRecord(sub.superClassId);
        fake.synthetic = true;
        fake.superClassId = 0;
        String known = className(fake);
        fake.name = known != null ? known : "unknown-class@0x" + Long.toHexString(fake.classId);
        // MAT's estimate from the subclass's declared instance size; clamped, as a corrupt dump can declare
        // any size and each filler field costs memory (found by fuzzing).
        setFakeFields(fake, Math.min(Math.max(sub.unknownInstanceBytes - own, 0), MAX_FAKE_FIELD_BYTES));
        addClass(fake);
        int f = addObject(fake.classId, ObjectKind.CLASS, -2, fake.index);
        setEdges(f, (int) rawEdges.size());
        return fake;
    }

    /** MAT's filler fields for a class it has to invent: ints, then a short, then a byte. */
    private static void setFakeFields(ClassRecord fake, int bytes) {
        int ints = bytes / 4;
        int n = ints + ((bytes & 2) != 0 ? 1 : 0) + ((bytes & 1) != 0 ? 1 : 0);
        fake.fieldNameIds = new long[n];
        fake.fieldTypes = new byte[n];
        int i = 0;
        for (; i < ints; i++) {
            fake.fieldTypes[i] = HprofType.INT;
        }
        if ((bytes & 2) != 0) {
            fake.fieldTypes[i++] = HprofType.SHORT;
        }
        if ((bytes & 1) != 0) {
            fake.fieldTypes[i] = HprofType.BYTE;
        }
    }

    String className(ClassRecord c) {
        int i = loadClassIndex.get(c.classId);
        if (i < 0) {
            return null;
        }
        String s = strings.get(loadClassNameIds.get(i));
        return s == null ? null : ClassNames.toJava(s);
    }

    // ------------------------------------------------------------------------------------------------
    // Finishing: resolve classes, sizes, indices and the graph.

    HeapSnapshot finish(HprofInput in) {
        if (!sawWantedDump) {
            if (heapDumpCount == 0) {
                throw new HprofFormatException(file, in.position(), "the file holds no heap dump (no HEAP DUMP record)");
            }
            throw new HprofFormatException(file, "the file holds " + heapDumpCount + " heap dumps; there is no dump #"
                    + (wantedDump + 1));
        }
        int fakeCounter = 0;
        for (ClassRecord c : classes) {
            String n = className(c);
            c.name = n != null ? n : "unknown-name@0x" + Long.toHexString(c.classId);
        }
        int objectAlign = objectAlignment();
        int syntheticClasses = 0;

        // Classes referenced but never described: fake them as MAT does.
        long[] unresolved = unresolvedClass.raw();
        for (int i = 0; i < unresolvedClass.size(); i += 2) {
            int f = (int) unresolved[i];
            long classId = unresolved[i + 1];
            int ci = classIndexById.get(classId);
            if (ci < 0) {
                ClassRecord fake = new ClassRecord(classId);
                fake.synthetic = true;
                boolean array = kinds.get(f) == ObjectKind.OBJECT_ARRAY;
                fake.name = "unknown-class-" + (++fakeCounter) + (array ? "[]" : "");
                addClass(fake);
                int fo = addObject(classId, ObjectKind.CLASS, -2, fake.index);
                setEdges(fo, (int) rawEdges.size());
                syntheticClasses++;
                ci = fake.index;
            }
            classOf.set(f, ci);
        }
        // Parked instances of fake classes define the fakes' fields (last payload length wins).
        for (int p = 0; p < parked.size(); ) {
            long classId = parked.getLong(p + 4);
            int n = parked.getInt(p + 12);
            ClassRecord c = classes.get(classIndexById.get(classId));
            if (c.synthetic && c.refOffsets == null) {
                c.unknownInstanceBytes = n;
            }
            p += 16 + n;
        }
        for (ClassRecord c : classes) {
            if (c.synthetic && !c.isArray() && c.fieldTypes.length == 0 && c.unknownInstanceBytes > 0
                    && c.refOffsets == null) {
                c.superClassId = 0;
                setFakeFields(c, c.unknownInstanceBytes);
            }
        }
        int javaLangObject = findClass("java.lang.Object");
        for (ClassRecord c : new ArrayList<>(classes)) {
            if (c.synthetic && c.superClassId == 0 && javaLangObject >= 0 && c.index != javaLangObject) {
                c.superClassId = classes.get(javaLangObject).classId;
            }
        }
        int javaLangClass = findOrFakeClass("java.lang.Class", javaLangObject);
        int javaLangClassLoader = findOrFakeClass("java.lang.ClassLoader", javaLangObject);

        // Primitive array classes: HotSpot describes them; the old hprof agent does not.
        int[] primitiveClass = new int[12];
        Arrays.fill(primitiveClass, -1);
        long syntheticAddress = objectAlign;
        long[] sortedForSynthetic = null;
        for (int t = 4; t < 12; t++) {
            if (!primitiveTypeSeen[t]) {
                continue;
            }
            String name = HprofType.primitiveArrayName(t);
            int ci = findClass(name);
            if (ci < 0) {
                if (sortedForSynthetic == null) {
                    sortedForSynthetic = objectIds.toArray();
                    Arrays.sort(sortedForSynthetic);
                }
                while (Arrays.binarySearch(sortedForSynthetic, syntheticAddress) >= 0
                        || classIndexById.containsKey(syntheticAddress)) {
                    syntheticAddress += objectAlign;
                }
                ci = addSyntheticClass(syntheticAddress, name, javaLangObject);
                syntheticClasses++;
                syntheticAddress += objectAlign;
            }
            primitiveClass[t] = ci;
            classes.get(ci).primitiveElementType = t;
        }

        // MAT's <system class loader> pseudo-object at address 0, an instance of java.lang.ClassLoader.
        int systemLoaderFile = addObject(0L, ObjectKind.SYSTEM_CLASS_LOADER, javaLangClassLoader, -1);
        setEdges(systemLoaderFile, (int) rawEdges.size());

        // Layouts and MAT's shallow sizes.
        int refSize = compressedOops ? 4 : idSize;
        for (int i = 0; i < classes.size(); i++) {
            ClassRecord c = classes.get(i);
            if (c.refOffsets == null) {
                computeLayout(c, true);
            }
        }
        for (ClassRecord c : classes) {
            c.instanceBytes = c.isArray() ? refSize : align(instanceSizeRecursive(c, refSize), objectAlign);
            long statics = 0;
            for (byte t : c.staticTypes) {
                statics += t == HprofType.OBJECT ? refSize : HprofType.fileSize(t, idSize);
            }
            c.classObjectBytes = align(statics, objectAlign);
        }

        // Parked instances: their classes are known now.
        for (int p = 0; p < parked.size(); ) {
            int f = parked.getInt(p);
            long classId = parked.getLong(p + 4);
            int n = parked.getInt(p + 12);
            ClassRecord c = classes.get(classIndexById.get(classId));
            int dataStart = p + 16;
            if (c.fieldDataBytes > n) {
                throw new HprofFormatException(file, "instance 0x" + Long.toHexString(objectIds.get(f)) + " has "
                        + n + " bytes of fields but its class " + c.name + " declares " + c.fieldDataBytes);
            }
            int start = (int) rawEdges.size();
            for (int i = 0; i < c.refOffsets.length; i++) {
                long ref = parked.getId(dataStart + c.refOffsets[i], idSize);
                if (ref != 0) {
                    addEdge(ref, i);
                }
            }
            setEdges(f, start);
            p += 16 + n;
        }
        parked.clear();

        // Object arrays and instances of classes resolved above; class objects' class; primitive arrays.
        int n = objectIds.size();
        for (int f = 0; f < n; f++) {
            int ci = classOf.get(f);
            byte k = kinds.get(f);
            if (k == ObjectKind.CLASS) {
                classOf.set(f, javaLangClass);
            } else if (k == ObjectKind.PRIMITIVE_ARRAY) {
                classOf.set(f, primitiveClass[-ci]);
            }
        }

        return new SnapshotAssembler(this, objectAlign, refSize, javaLangClass, syntheticClasses, in).assemble();
    }

    private int findClass(String name) {
        for (ClassRecord c : classes) {
            if (name.equals(c.name)) {
                return c.index;
            }
        }
        return -1;
    }

    private int findOrFakeClass(String name, int javaLangObject) {
        int ci = findClass(name);
        if (ci >= 0) {
            return ci;
        }
        long address = 0x10;
        while (classIndexById.containsKey(address)) {
            address += 8;
        }
        return addSyntheticClass(address, name, javaLangObject);
    }

    /** A class the dump needs but does not describe, as MAT makes one: a subclass of Object with no fields. */
    private int addSyntheticClass(long address, String name, int javaLangObject) {
        ClassRecord fake = new ClassRecord(address);
        fake.synthetic = true;
        fake.name = name;
        fake.superClassId = javaLangObject >= 0 ? classes.get(javaLangObject).classId : 0;
        addClass(fake);
        int fo = addObject(address, ObjectKind.CLASS, -2, fake.index);
        setEdges(fo, (int) rawEdges.size());
        return fake.index;
    }

    private long instanceSizeRecursive(ClassRecord c, int refSize) {
        int pointerSize = idSize;
        // Walk up once, then add levels from the top down as MAT's recursion does.
        List<ClassRecord> chain = new ArrayList<>();
        ClassRecord k = c;
        while (k != null) {
            chain.add(k);
            if (k.superClassId == 0) {
                break;
            }
            int si = classIndexById.get(k.superClassId);
            k = si >= 0 ? classes.get(si) : null;
        }
        long size = pointerSize + refSize;
        for (int i = chain.size() - 2; i >= 0; i--) {
            long own = 0;
            for (byte t : chain.get(i).fieldTypes) {
                own += t == HprofType.OBJECT ? refSize : HprofType.fileSize(t, idSize);
            }
            size = align(own + size, refSize);
        }
        return size;
    }

    static long align(long n, long to) {
        long r = n % to;
        return r == 0 ? n : n + to - r;
    }

    /** MAT's inferred alignment: the gcd of the gaps between sorted addresses, stopped at 8, clamped to 8..256. */
    private int objectAlignment() {
        // MAT takes the GCD of the gaps between consecutive addresses. That equals the GCD of every
        // address's distance from the lowest (each distance is a sum of gaps, each gap a difference of two
        // distances), which needs neither a sorted copy of the ids nor an n·log n sort.
        long[] ids = objectIds.raw();
        int n = objectIds.size();
        long min = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            long id = ids[i];
            if (id != 0 && id < min) {
                min = id;
            }
        }
        long gcd = 0;
        for (int i = 0; i < n && (gcd == 0 || gcd > 8); i++) {
            long id = ids[i];
            if (id != 0 && id != min) {
                long diff = id - min;
                gcd = gcd == 0 ? diff : gcd(gcd, diff);
            }
        }
        return (int) Math.max(Math.min(gcd, 256), 8);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    // Accessors for the assembler (same package).
    Path file() {
        return file;
    }

    int idSize() {
        return idSize;
    }

    boolean compressedOops() {
        return compressedOops;
    }

    List<ClassRecord> classes() {
        return classes;
    }

    LongIntMap classIndexById() {
        return classIndexById;
    }

    LongArrayList objectIds() {
        return objectIds;
    }

    ByteList kinds() {
        return kinds;
    }

    IntArrayList classOf() {
        return classOf;
    }

    IntArrayList lengths() {
        return lengths;
    }

    IntArrayList edgeStart() {
        return edgeStart;
    }

    IntArrayList edgeCount() {
        return edgeCount;
    }

    /** Hands the raw reference ids over to the assembler: the builder keeps no reference to them. */
    ChunkedLongList takeRawEdges() {
        ChunkedLongList r = rawEdges;
        rawEdges = null;
        return r;
    }

    /** Releases the file-order object ids, once the assembler has mapped everything it needs from them. */
    void releaseObjectIds() {
        objectIds = null;
    }

    /** Releases the file-order classes and lengths, once laid out by address. */
    void releaseObjectFacts() {
        classOf = null;
        lengths = null;
    }

    /** Releases the file-order kinds, once the references are compacted (they tell arrays' dangling references). */
    void releaseFileOrderKinds() {
        kinds = null;
    }

    /** Releases the file-order edge offsets, once the graph is laid out. */
    void releaseEdgeOffsets() {
        edgeStart = null;
        edgeCount = null;
    }

    /** Hands the raw references' field slots over to the assembler (as {@link #takeRawEdges()}). */
    ChunkedByteList takeRawSlots() {
        ChunkedByteList r = rawSlots;
        rawSlots = null;
        return r;
    }

    LongArrayList rootIds() {
        return rootIds;
    }

    IntArrayList rootKinds() {
        return rootKinds;
    }

    LongArrayList localThreadIds() {
        return localThreadIds;
    }

    LongArrayList localObjectIds() {
        return localObjectIds;
    }

    IntArrayList localKinds() {
        return localKinds;
    }
}

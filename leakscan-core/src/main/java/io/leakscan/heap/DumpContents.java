package io.leakscan.heap;

import io.leakscan.heap.HeapObjectReader.ObjectData;
import io.leakscan.hprof.HprofInput;
import io.leakscan.hprof.HprofParser;
import io.leakscan.hprof.HprofType;
import io.leakscan.hprof.HprofVisitor;
import io.leakscan.hprof.HprofSubTag;
import io.leakscan.util.IntArrayList;
import io.leakscan.util.LongArrayList;
import io.leakscan.util.LongIntMap;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the second-step reports (memory waste, threads, field values) need from the dump beyond the
 * snapshot's graph, gathered in ONE sequential pass over the file, whatever mix of them is asked for:
 * <ul>
 * <li>a 64-bit digest of every primitive array's content (for duplicate strings and arrays): 8 bytes
 * per primitive array, found by rank among the primitive arrays (one int per 64 objects);</li>
 * <li>per String, whether it is UTF-16 (compact strings' {@code coder}) or only a slice of its array
 * (the {@code offset}/{@code count} of JDKs before 7u6): two bits per object;</li>
 * <li>the stack traces of the threads, with their frames and the Java-frame roots' frame numbers;</li>
 * <li>the raw data of chosen objects, as {@link HeapObjectReader} reads them.</li>
 * </ul>
 * Cost: one pass over the file (plain or gzip); reading allocates nothing per record but the chosen
 * objects' data. Stack traces keep the dump's UTF8 names (their bytes plus about 32 per name). The
 * result is immutable; thread-safe to read.
 */
public final class DumpContents {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int CHUNK = 1 << 16;

    /** What to gather. */
    public record Request(boolean digests, boolean stacks, long[] objectIds) {
    }

    /** One stack frame: method, signature, source file and line as the dump names them. */
    public record Frame(String className, String method, String signature, String sourceFile, int line) {
        /** As a Java stack trace line: {@code com.acme.Foo.run(Foo.java:42)}. */
        @Override
        public String toString() {
            String where = line > 0 ? sourceFile + ":" + line
                    : line == -3 ? "Native Method" : sourceFile != null ? sourceFile : "Unknown Source";
            return className + "." + method + "(" + where + ")";
        }
    }

    /** A Java-frame (or JNI-local) root: {@code object} is held by frame {@code frame} of thread {@code threadSerial}. */
    public record LocalRoot(int threadSerial, int frame, int object) {
    }

    private final HeapSnapshot snapshot;
    private final int[] primitiveRankBase;
    private final long[] primitiveBits;
    private final long[] digests;
    private final long[] utf16;
    private final long[] slices;
    private final Map<Integer, List<Frame>> stackByThreadSerial;
    private final Map<Integer, Integer> threadSerialByObject;
    private final List<LocalRoot> localRoots;
    private final Map<Long, ObjectData> objects;

    private DumpContents(HeapSnapshot snapshot, int[] primitiveRankBase, long[] primitiveBits, long[] digests,
            long[] utf16, long[] slices, Map<Integer, List<Frame>> stacks, Map<Integer, Integer> threadSerials,
            List<LocalRoot> localRoots, Map<Long, ObjectData> objects) {
        this.snapshot = snapshot;
        this.primitiveRankBase = primitiveRankBase;
        this.primitiveBits = primitiveBits;
        this.digests = digests;
        this.utf16 = utf16;
        this.slices = slices;
        this.stackByThreadSerial = stacks;
        this.threadSerialByObject = threadSerials;
        this.localRoots = localRoots;
        this.objects = objects;
    }

    /** Rank of a primitive array among the primitive arrays (object-index order), -1 for other objects. */
    private int primitiveRank(int objectIndex) {
        long word = primitiveBits[objectIndex >>> 6];
        long bit = 1L << objectIndex;
        if ((word & bit) == 0) {
            return -1;
        }
        return primitiveRankBase[objectIndex >>> 6] + Long.bitCount(word & (bit - 1));
    }

    /** Whether digests were gathered. */
    public boolean hasDigests() {
        return digests != null;
    }

    /**
     * Digest of a primitive array's elements (equal contents give equal digests; different contents
     * collide with probability about 2^-64). Type and length are not mixed in: compare them too.
     */
    public long digest(int primitiveArray) {
        int r = primitiveRank(primitiveArray);
        return r < 0 || digests == null ? 0 : digests[r];
    }

    /** True for a String whose array holds UTF-16 (compact strings' coder 1). */
    public boolean isUtf16String(int string) {
        return utf16 != null && (utf16[string >>> 6] & (1L << string)) != 0;
    }

    /** True for a String that uses only part of its array (offset ≠ 0 or count ≠ length, JDK 6 substrings). */
    public boolean isSliceString(int string) {
        return slices != null && (slices[string >>> 6] & (1L << string)) != 0;
    }

    /** Stack frames of a thread (top first), or an empty list when the dump has none for it. */
    public List<Frame> stack(int threadObject) {
        Integer serial = threadSerialByObject.get(threadObject);
        List<Frame> frames = serial == null ? null : stackByThreadSerial.get(serial);
        return frames == null ? List.of() : frames;
    }

    /** Thread serial of a thread object (from its ROOT THREAD OBJECT record), or -1. */
    public int threadSerial(int threadObject) {
        Integer serial = threadSerialByObject.get(threadObject);
        return serial == null ? -1 : serial;
    }

    /** Java-frame and JNI-local roots with their thread serial and frame number. Shared. */
    public List<LocalRoot> localRoots() {
        return localRoots;
    }

    /** Data of the objects asked for (by address). */
    public Map<Long, ObjectData> objects() {
        return objects;
    }

    public static DumpContents read(HeapSnapshot snapshot, Request request) {
        int n = snapshot.objectCount();
        int[] rankBase = null;
        long[] bits = null;
        long[] digests = null;
        long[] utf16 = null;
        long[] slices = null;
        if (request.digests()) {
            rankBase = new int[(n + 63) >>> 6];
            bits = new long[(n + 63) >>> 6];
            int rank = 0;
            for (int o = 0; o < n; o++) {
                if ((o & 63) == 0) {
                    rankBase[o >>> 6] = rank;
                }
                if (snapshot.kind(o) == ObjectKind.PRIMITIVE_ARRAY) {
                    bits[o >>> 6] |= 1L << o;
                    rank++;
                }
            }
            digests = new long[rank];
            utf16 = new long[(n + 63) >>> 6];
            slices = new long[(n + 63) >>> 6];
        }
        Reader reader = new Reader(snapshot, request, rankBase, bits, digests, utf16, slices);
        try (HprofInput in = HprofInput.open(snapshot.file())) {
            new HprofParser(in, reader).parse();
        }
        Map<Integer, List<Frame>> stacks = reader.stacks();
        return new DumpContents(snapshot, rankBase, bits, digests, utf16, slices, stacks, reader.threadSerials,
                reader.localRoots, reader.objects);
    }

    /** The visitor of the pass. Not thread-safe. */
    private static final class Reader implements HprofVisitor {
        private final HeapSnapshot snapshot;
        private final Request request;
        private final int[] rankBase;
        private final long[] primitiveBits;
        private final long[] digests;
        private final long[] utf16;
        private final long[] slices;
        private final int wantedDump;
        private final byte[] chunk = new byte[CHUNK];
        private final LongIntMap wanted;
        final Map<Long, ObjectData> objects = new HashMap<>();
        // Strings: the class id and where value, offset, count and coder sit in the field bytes (-1: none).
        private final long stringClassId;
        private final int valueOffset;
        private final int offsetOffset;
        private final int countOffset;
        private final int coderOffset;
        // Stacks
        private final StringTable names = new StringTable();
        private final LongIntMap classIdBySerial = new LongIntMap(1024, -1);
        private final LongArrayList classIds = new LongArrayList(1024);
        private final LongIntMap frameIndex = new LongIntMap(1024, -1);
        private final List<long[]> frameRecords = new ArrayList<>();
        private final Map<Integer, long[]> traceByThreadSerial = new HashMap<>();
        final Map<Integer, Integer> threadSerials = new HashMap<>();
        final List<LocalRoot> localRoots = new ArrayList<>();

        Reader(HeapSnapshot snapshot, Request request, int[] rankBase, long[] primitiveBits, long[] digests,
                long[] utf16, long[] slices) {
            this.snapshot = snapshot;
            this.request = request;
            this.rankBase = rankBase;
            this.primitiveBits = primitiveBits;
            this.digests = digests;
            this.utf16 = utf16;
            this.slices = slices;
            this.wantedDump = snapshot.info().heapDumpIndex();
            long[] ids = request.objectIds() == null ? new long[0] : request.objectIds();
            this.wanted = new LongIntMap(Math.max(16, ids.length), -1);
            for (long id : ids) {
                wanted.put(id, 1);
            }
            int string = snapshot.classes().find("java.lang.String");
            int stringObject = string >= 0 ? snapshot.classes().classObject(string) : -1;
            stringClassId = stringObject >= 0 && digests != null ? snapshot.objectId(stringObject) : Long.MIN_VALUE;
            FieldLayout layout = string >= 0 ? snapshot.classes().layout(string) : null;
            valueOffset = offsetOf(layout, "value", HprofType.OBJECT);
            offsetOffset = offsetOf(layout, "offset", HprofType.INT);
            countOffset = offsetOf(layout, "count", HprofType.INT);
            coderOffset = offsetOf(layout, "coder", HprofType.BYTE);
        }

        private static int offsetOf(FieldLayout layout, String name, int type) {
            if (layout == null) {
                return -1;
            }
            int i = layout.find(name);
            return i >= 0 && layout.types()[i] == type ? layout.offsets()[i] : -1;
        }

        @Override
        public boolean wantsHeapDump(int dumpIndex) {
            return dumpIndex == wantedDump;
        }

        @Override
        public void utf8(long stringId, byte[] buf, int offset, int length) {
            if (request.stacks()) {
                names.add(stringId, buf, offset, length);
            }
        }

        @Override
        public void loadClass(int classSerial, long classId, int stackTraceSerial, long nameStringId) {
            if (request.stacks()) {
                classIdBySerial.put(classSerial, classIds.size());
                classIds.add(classId);
            }
        }

        @Override
        public void stackFrame(long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial,
                int lineNumber) {
            if (request.stacks()) {
                frameIndex.put(frameId, frameRecords.size());
                frameRecords.add(new long[] {methodNameId, signatureId, sourceFileId, classSerial, lineNumber});
            }
        }

        @Override
        public void stackTrace(int stackTraceSerial, int threadSerial, long[] frameIds, int frameCount) {
            if (request.stacks() && frameCount > 0) {
                traceByThreadSerial.put(threadSerial, java.util.Arrays.copyOf(frameIds, frameCount));
            }
        }

        @Override
        public void gcRoot(int subTag, long objectId, int threadSerial, int frameNumber, long offset) {
            if (!request.stacks()) {
                return;
            }
            int o = snapshot.indexOf(objectId);
            if (o < 0) {
                return;
            }
            if (subTag == HprofSubTag.ROOT_THREAD_OBJECT) {
                threadSerials.putIfAbsent(o, threadSerial);
            } else if ((subTag == HprofSubTag.ROOT_JAVA_FRAME || subTag == HprofSubTag.ROOT_JNI_LOCAL)
                    && threadSerial >= 0) {
                localRoots.add(new LocalRoot(threadSerial, frameNumber, o));
            }
        }

        @Override
        public void instanceDump(long objectId, long classId, int fieldBytes, HprofInput in, long offset) {
            boolean want = wanted.containsKey(objectId);
            boolean string = classId == stringClassId;
            if (!want && !string) {
                return;
            }
            if (!want && fieldBytes > CHUNK) {
                return; // not a String any JVM writes; the parser skips it
            }
            // a String's fields are read into the reused chunk: no allocation per String
            byte[] b = want ? new byte[fieldBytes] : chunk;
            in.readFully(b, 0, fieldBytes);
            if (want) {
                objects.put(objectId, new ObjectData(objectId, ObjectKind.INSTANCE, b, null, 0, -1));
            }
            if (string) {
                noteString(objectId, b, fieldBytes);
            }
        }

        private void noteString(long objectId, byte[] b, int length) {
            int o = snapshot.indexOf(objectId);
            if (o < 0) {
                return;
            }
            int idSize = snapshot.info().idSize();
            if (coderOffset >= 0 && coderOffset < length && b[coderOffset] != 0) {
                utf16[o >>> 6] |= 1L << o;
            }
            if (offsetOffset >= 0 && countOffset >= 0 && valueOffset >= 0 && countOffset + 4 <= length
                    && offsetOffset + 4 <= length && valueOffset + idSize <= length) {
                int value = snapshot.indexOf(HprofInput.getId(b, valueOffset, idSize));
                int start = (int) HprofInput.getId(b, offsetOffset, 4);
                int count = (int) HprofInput.getId(b, countOffset, 4);
                if (value >= 0 && (start != 0 || count != snapshot.arrayLength(value))) {
                    slices[o >>> 6] |= 1L << o;
                }
            }
        }

        @Override
        public void objectArrayDump(long objectId, long arrayClassId, int length, HprofInput in, long offset) {
            if (wanted.containsKey(objectId)) {
                long[] e = new long[length];
                for (int i = 0; i < length; i++) {
                    e[i] = in.readId();
                }
                objects.put(objectId, new ObjectData(objectId, ObjectKind.OBJECT_ARRAY, null, e, 0, length));
            }
        }

        @Override
        public void primitiveArrayDump(long objectId, int elementType, int length, HprofInput in, long offset) {
            boolean want = wanted.containsKey(objectId);
            if (digests == null && !want) {
                return;
            }
            int size = HprofType.fileSize(elementType, in.idSize());
            long remaining = (long) length * size;
            int keep = want ? (int) Math.min((long) length, HeapObjectReader.MAX_PRIMITIVE_ELEMENTS) * size : 0;
            byte[] kept = want ? new byte[keep] : null;
            int filled = 0;
            long h = 0x9E3779B97F4A7C15L;
            while (remaining > 0) {
                int len = (int) Math.min(remaining, CHUNK);
                in.readFully(chunk, 0, len);
                if (kept != null && filled < keep) {
                    int copy = Math.min(len, keep - filled);
                    System.arraycopy(chunk, 0, kept, filled, copy);
                    filled += copy;
                }
                if (digests != null) {
                    h = mix(h, chunk, len);
                }
                remaining -= len;
            }
            if (want) {
                objects.put(objectId, new ObjectData(objectId, ObjectKind.PRIMITIVE_ARRAY, kept, null, elementType,
                        length));
            }
            if (digests != null) {
                int o = snapshot.indexOf(objectId);
                if (o >= 0 && (primitiveBits[o >>> 6] & (1L << o)) != 0) {
                    long bit = 1L << o;
                    digests[rankBase[o >>> 6] + Long.bitCount(primitiveBits[o >>> 6] & (bit - 1))] = finish(h);
                }
            }
        }

        /** Folds {@code len} bytes into the running hash, 8 at a time. */
        private static long mix(long h, byte[] b, int len) {
            int i = 0;
            for (; i + 8 <= len; i += 8) {
                h = Long.rotateLeft(h ^ ((long) LONGS.get(b, i) * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
            }
            for (; i < len; i++) {
                h = Long.rotateLeft(h ^ ((b[i] & 0xFFL) * 0x165667B19E3779F9L), 11) * 0x9E3779B97F4A7C15L;
            }
            return h;
        }

        private static long finish(long h) {
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 33;
            h *= 0xC4CEB9FE1A85EC53L;
            return h ^ (h >>> 33);
        }

        Map<Integer, List<Frame>> stacks() {
            Map<Integer, List<Frame>> result = new HashMap<>();
            for (Map.Entry<Integer, long[]> t : traceByThreadSerial.entrySet()) {
                List<Frame> frames = new ArrayList<>();
                for (long id : t.getValue()) {
                    int f = frameIndex.get(id);
                    if (f < 0) {
                        continue;
                    }
                    long[] r = frameRecords.get(f);
                    frames.add(new Frame(className((int) r[3]), names.getOrUnknown(r[0]), names.get(r[1]),
                            names.get(r[2]), (int) r[4]));
                }
                result.put(t.getKey(), frames);
            }
            return result;
        }

        private String className(int classSerial) {
            int i = classIdBySerial.get(classSerial);
            if (i < 0) {
                return "<unknown class>";
            }
            int o = snapshot.indexOf(classIds.get(i));
            int c = o >= 0 ? snapshot.classIndexOfClassObject(o) : -1;
            return c >= 0 ? snapshot.classes().name(c) : "<unknown class>";
        }
    }
}

package io.leakscan.heap;

import io.leakscan.hprof.HprofInput;
import io.leakscan.hprof.HprofParser;
import io.leakscan.hprof.HprofType;
import io.leakscan.hprof.HprofVisitor;
import io.leakscan.util.LongIntMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Fetches the field values of a few chosen objects by reading the dump once more, front to back.
 * The snapshot keeps no field values (they would cost more memory than the whole graph); reports need
 * them only for the handful of objects they show — field names along a path, thread names, sizes.
 *
 * <p>Cost: one sequential pass over the file (plain or gzip) per call; memory proportional to the
 * objects asked for. Stateless; thread-safe.
 */
public final class HeapObjectReader {
    /** Longest primitive array kept, in elements: enough for names and display strings. */
    public static final int MAX_PRIMITIVE_ELEMENTS = 4096;

    private HeapObjectReader() {
    }

    /** Raw data of one object: field bytes of an instance, element ids of an object array, or primitive data. */
    public record ObjectData(long id, byte kind, byte[] bytes, long[] elements, int primitiveType, int length) {
    }

    private static int filterHash(long id) {
        long h = (id >>> 3) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 48); // 16 bits: 65,536 filter bits
    }

    private static boolean isWanted(long id, long[] maybe, LongIntMap wanted) {
        int h = filterHash(id);
        return (maybe[h >>> 6] & (1L << h)) != 0 && wanted.containsKey(id);
    }

    /** Reads the objects with these ids (unknown ids are simply absent from the result). */
    public static Map<Long, ObjectData> read(HeapSnapshot snapshot, long[] ids) {
        Map<Long, ObjectData> result = new HashMap<>();
        if (ids.length == 0) {
            return result;
        }
        LongIntMap wanted = new LongIntMap(ids.length, -1);
        // A bit per hash of the id rejects nearly every record before the hash-map lookup: the pass looks
        // at every object of the dump for a few dozen wanted ones.
        long[] maybe = new long[1 << 10];
        for (long id : ids) {
            wanted.put(id, 1);
            int h = filterHash(id);
            maybe[h >>> 6] |= 1L << h;
        }
        int wantedDump = snapshot.info().heapDumpIndex();
        try (HprofInput in = HprofInput.open(snapshot.file())) {
            new HprofParser(in, new HprofVisitor() {
                @Override
                public boolean wantsHeapDump(int dumpIndex) {
                    return dumpIndex == wantedDump;
                }

                @Override
                public void instanceDump(long objectId, long classId, int fieldBytes, HprofInput input, long offset) {
                    if (isWanted(objectId, maybe, wanted)) {
                        byte[] b = new byte[fieldBytes];
                        input.readFully(b, 0, fieldBytes);
                        result.put(objectId, new ObjectData(objectId, ObjectKind.INSTANCE, b, null, 0, -1));
                    }
                }

                @Override
                public void objectArrayDump(long objectId, long arrayClassId, int length, HprofInput input, long offset) {
                    if (isWanted(objectId, maybe, wanted)) {
                        long[] e = new long[length];
                        for (int i = 0; i < length; i++) {
                            e[i] = input.readId();
                        }
                        result.put(objectId, new ObjectData(objectId, ObjectKind.OBJECT_ARRAY, null, e, 0, length));
                    }
                }

                @Override
                public void primitiveArrayDump(long objectId, int elementType, int length, HprofInput input,
                        long offset) {
                    if (isWanted(objectId, maybe, wanted)) {
                        int keep = (int) Math.min((long) length, MAX_PRIMITIVE_ELEMENTS)
                                * HprofType.fileSize(elementType, input.idSize());
                        byte[] b = new byte[keep];
                        input.readFully(b, 0, keep);
                        result.put(objectId, new ObjectData(objectId, ObjectKind.PRIMITIVE_ARRAY, b, null,
                                elementType, length));
                    }
                }
            }).parse();
        }
        return result;
    }
}

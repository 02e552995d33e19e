package io.leakscan.analysis;

import io.leakscan.heap.FieldLayout;
import io.leakscan.heap.HeapClassTable;
import io.leakscan.heap.HeapObjectReader.ObjectData;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.heap.ObjectKind;
import io.leakscan.hprof.HprofType;
import java.util.ArrayList;
import java.util.List;

/**
 * The field values of one object decoded from the bytes {@link ObjectInspector} read: an instance's
 * fields over its whole hierarchy (own fields first, as the dump lays them out), a class object's
 * statics. Cost: O(fields); allocates one record per field (for display, a few objects at a time).
 * Stateless; thread-safe.
 */
public final class FieldValues {
    /**
     * One field.
     *
     * @param name           field name ({@code static NAME} for a class's statics)
     * @param declaringClass class that declares it
     * @param type           {@link HprofType} code
     * @param bits           raw value: the id for a reference, the bits of a primitive (sign-extended)
     * @param target         object index of a non-null reference, -1 for null or a primitive, -2 when the
     *                       id is not in the dump
     */
    public record Field(String name, String declaringClass, int type, long bits, int target) {
    }

    private FieldValues() {
    }

    /** Fields of an instance (needs it loaded) or statics of a class object; empty for arrays or unloaded objects. */
    public static List<Field> of(HeapSnapshot s, ObjectInspector inspector, int objectIndex) {
        List<Field> fields = new ArrayList<>();
        HeapClassTable classes = s.classes();
        if (s.kind(objectIndex) == ObjectKind.CLASS) {
            int c = s.classIndexOfClassObject(objectIndex);
            String[] names = classes.staticNames(c);
            byte[] types = classes.staticTypes(c);
            long[] values = classes.staticValues(c);
            for (int i = 0; i < names.length; i++) {
                fields.add(field("static " + names[i], classes.name(c), types[i], values[i], s));
            }
            return fields;
        }
        ObjectData d = inspector.data(objectIndex);
        if (s.kind(objectIndex) != ObjectKind.INSTANCE || d == null || d.bytes() == null) {
            return fields;
        }
        FieldLayout layout = classes.layout(s.classIndexOf(objectIndex));
        byte[] b = d.bytes();
        int idSize = s.info().idSize();
        for (int i = 0; i < layout.names().length; i++) {
            int type = layout.types()[i];
            int size = HprofType.fileSize(type, idSize);
            int off = layout.offsets()[i];
            if (off + size > b.length) {
                break;
            }
            long bits = bigEndian(b, off, size, type != HprofType.OBJECT);
            fields.add(field(layout.names()[i], layout.declaringClass()[i], type, bits, s));
        }
        return fields;
    }

    /** The value of the first field named {@code name} of a loaded instance, or null. */
    public static Field named(HeapSnapshot s, ObjectInspector inspector, int objectIndex, String name) {
        for (Field f : of(s, inspector, objectIndex)) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static Field field(String name, String declaring, int type, long bits, HeapSnapshot s) {
        int target = -1;
        if (type == HprofType.OBJECT && bits != 0) {
            target = s.indexOf(bits);
            if (target < 0) {
                target = -2;
            }
        }
        return new Field(name, declaring, type, bits, target);
    }

    /** Big-endian value of {@code size} bytes; sign-extended when {@code signed}. */
    public static long bigEndian(byte[] b, int off, int size, boolean signed) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        if (signed && size < 8) {
            int shift = 64 - 8 * size;
            v = (v << shift) >> shift;
        }
        return v;
    }
}

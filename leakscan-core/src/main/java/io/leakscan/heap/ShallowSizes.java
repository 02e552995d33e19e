package io.leakscan.heap;

import io.leakscan.hprof.HprofType;
import java.util.List;

/**
 * MAT's shallow-size rules (docs/semantics.md, "Shallow size"), applied on demand from an object's kind,
 * class and array length instead of being stored: the snapshot keeps no size per object (4 bytes per
 * object saved), and a size of any magnitude is exact (no 2 GiB side table).
 *
 * <ul>
 * <li>instance: its class's instance size (fields of the whole hierarchy, each level aligned to the
 * reference size, then the header), aligned to the object alignment;</li>
 * <li>object array: header (id + reference + length) plus one reference per element, aligned;</li>
 * <li>primitive array: header aligned to the reference size, plus the elements, aligned;</li>
 * <li>class object: its static fields, aligned.</li>
 * </ul>
 * Memory: 17 bytes per class. Immutable; thread-safe.
 */
final class ShallowSizes {
    private final long[] instanceBytes;
    private final long[] classObjectBytes;
    private final byte[] elementBytes;
    private final long objectArrayHeader;
    private final long primitiveArrayHeader;
    private final int refSize;
    private final int objectAlign;

    ShallowSizes(List<ClassRecord> classes, int idSize, int refSize, int objectAlign) {
        int n = classes.size();
        instanceBytes = new long[n];
        classObjectBytes = new long[n];
        elementBytes = new byte[n];
        for (ClassRecord c : classes) {
            instanceBytes[c.index] = c.instanceBytes;
            classObjectBytes[c.index] = c.classObjectBytes;
            if (c.primitiveElementType != 0) {
                elementBytes[c.index] = (byte) HprofType.fileSize(c.primitiveElementType, idSize);
            }
        }
        this.refSize = refSize;
        this.objectAlign = objectAlign;
        this.objectArrayHeader = idSize + refSize + 4;
        this.primitiveArrayHeader = HeapBuilder.align(objectArrayHeader, refSize);
    }

    /**
     * Shallow bytes of one object.
     *
     * @param kind       its {@link ObjectKind}
     * @param classIndex its class (for a class object, the class it describes)
     * @param length     its element count (arrays only)
     */
    long of(byte kind, int classIndex, int length) {
        switch (kind) {
            case ObjectKind.OBJECT_ARRAY:
                return HeapBuilder.align(objectArrayHeader + (long) length * refSize, objectAlign);
            case ObjectKind.PRIMITIVE_ARRAY:
                return HeapBuilder.align(primitiveArrayHeader + (long) length * elementBytes[classIndex], objectAlign);
            case ObjectKind.CLASS:
                return classObjectBytes[classIndex];
            default:
                return instanceBytes[classIndex];
        }
    }
}

package io.leakscan.heap;

/**
 * What the builder keeps of one class while reading: copied out of a CLASS DUMP (or synthesized for a
 * class the dump lacks). One object per class, never per heap object. Package-private, not thread-safe.
 */
final class ClassRecord {
    final long classId;
    long superClassId;
    long loaderId;
    /** Static field names (string ids), types and values (ids for references). */
    long[] staticNameIds = new long[0];
    byte[] staticTypes = new byte[0];
    long[] staticValues = new long[0];
    /** This class's own instance fields, in dump order. */
    long[] fieldNameIds = new long[0];
    byte[] fieldTypes = new byte[0];
    /** Name as Java developers write it, resolved at the end of the read. */
    String name;
    /** Class index in the final table. */
    int index;
    /** Byte offsets (in an instance's field data) of reference fields over the whole hierarchy; null until known. */
    int[] refOffsets;
    /** Total size in bytes of an instance's field data in the dump (whole hierarchy). */
    int fieldDataBytes = -1;
    /** Shallow size of an instance (MAT's rules); arrays: element size. */
    long instanceBytes;
    /** Shallow size of the class object itself. */
    long classObjectBytes;
    /** For synthesized classes: not from a CLASS DUMP. */
    boolean synthetic;
    /** Element type for primitive array classes (HprofType code), 0 otherwise. */
    int primitiveElementType;
    /** Object id a fake class object gets, or the class id. */
    long objectId;
    /** Payload length of the last INSTANCE DUMP seen for an unknown class (to fake its fields). */
    int unknownInstanceBytes = -1;

    ClassRecord(long classId) {
        this.classId = classId;
        this.objectId = classId;
    }

    boolean isArray() {
        return name != null && name.endsWith("[]");
    }
}

package io.leakscan.hprof;

/**
 * One CLASS DUMP sub-record, decoded into a holder that the parser reuses for every class so that
 * reading allocates nothing per record. A visitor must copy what it keeps before returning.
 *
 * <p>Not thread-safe; valid only during the {@link HprofVisitor#classDump} callback.
 */
public final class HprofClassDump {
    public long classId;
    public long superClassId;
    public long classLoaderId;
    public long signersId;
    public long protectionDomainId;
    /** Instance size in bytes as the JVM reports it (not used for shallow sizes; see docs). */
    public int instanceSizeBytes;
    public int constantPoolCount;
    /** Number of valid entries in the static arrays. */
    public int staticCount;
    public long[] staticNameIds = new long[16];
    public byte[] staticTypes = new byte[16];
    /** Static values; references hold the object id, primitives their raw bits. */
    public long[] staticValues = new long[16];
    /** Number of valid entries in the instance field arrays (this class only, not its superclasses). */
    public int fieldCount;
    public long[] fieldNameIds = new long[16];
    public byte[] fieldTypes = new byte[16];
    /** Stream offset of the sub-record's tag byte. */
    public long recordOffset;

    void ensureStatics(int n) {
        if (staticNameIds.length < n) {
            staticNameIds = new long[n];
            staticTypes = new byte[n];
            staticValues = new long[n];
        }
    }

    void ensureFields(int n) {
        if (fieldNameIds.length < n) {
            fieldNameIds = new long[n];
            fieldTypes = new byte[n];
        }
    }
}

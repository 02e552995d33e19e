package io.leakscan.hprof;

/**
 * Callbacks from {@link HprofParser}, one per record or sub-record, in file order. Arguments are
 * primitives or reused holders so that a full scan allocates nothing per record.
 *
 * <p>Callbacks that receive the {@link HprofInput} may read the record's body from it (and only the
 * body); whatever they leave unread is skipped by the parser.
 */
public interface HprofVisitor {
    default void header(HprofHeader header) {
    }

    /** A UTF8 record: {@code length} bytes of modified UTF-8 at {@code buf[offset]}. */
    default void utf8(long stringId, byte[] buf, int offset, int length) {
    }

    default void loadClass(int classSerial, long classId, int stackTraceSerial, long nameStringId) {
    }

    default void startThread(int threadSerial, long threadId, int stackTraceSerial, long threadNameId,
            long groupNameId, long parentGroupNameId) {
    }

    default void stackFrame(long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial,
            int lineNumber) {
    }

    /** A stack trace; {@code frameIds} holds {@code frameCount} valid entries and is reused. */
    default void stackTrace(int stackTraceSerial, int threadSerial, long[] frameIds, int frameCount) {
    }

    /**
     * Start of heap dump number {@code dumpIndex} (0-based). A file written by the old hprof agent may
     * hold several; HotSpot writes one, possibly as many segments.
     */
    default void heapDumpStart(int dumpIndex, long offset) {
    }

    /** End of heap dump number {@code dumpIndex}. */
    default void heapDumpEnd(int dumpIndex, long offset) {
    }

    /**
     * Whether the sub-records of heap dump {@code dumpIndex} should be delivered. Skipped dumps are
     * still checked for framing.
     */
    default boolean wantsHeapDump(int dumpIndex) {
        return true;
    }

    /**
     * A GC root sub-record. {@code threadSerial} and {@code frameNumber} are -1 where the sub-record
     * has none; {@code subTag} is one of {@link HprofSubTag}'s ROOT_ constants.
     */
    default void gcRoot(int subTag, long objectId, int threadSerial, int frameNumber, long offset) {
    }

    default void classDump(HprofClassDump classDump) {
    }

    /**
     * The file ended inside a heap dump (the JVM was killed while writing, the copy was cut). Called
     * instead of an exception so that the complete records can still be analysed; the sub-record that
     * started at {@code subRecordOffset} is incomplete and must be dropped.
     *
     * @param subRecordOffset offset of the incomplete sub-record (or record)
     * @param endOffset       how far the stream could be read
     * @param problem         what was being read
     */
    default void truncated(long subRecordOffset, long endOffset, String problem) {
    }

    /** An INSTANCE DUMP; its {@code fieldBytes} bytes of field values follow in {@code in}. */
    default void instanceDump(long objectId, long classId, int fieldBytes, HprofInput in, long offset) {
    }

    /** An OBJECT ARRAY DUMP; its {@code length} element ids follow in {@code in}. */
    default void objectArrayDump(long objectId, long arrayClassId, int length, HprofInput in, long offset) {
    }

    /**
     * A PRIMITIVE ARRAY DUMP; its {@code length} elements (big-endian, {@code HprofType.fileSize} bytes
     * each) follow in {@code in}, which may be read or left for the parser to skip.
     */
    default void primitiveArrayDump(long objectId, int elementType, int length, HprofInput in, long offset) {
    }
}

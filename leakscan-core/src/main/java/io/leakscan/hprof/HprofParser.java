package io.leakscan.hprof;

import java.nio.charset.StandardCharsets;

/**
 * Drives one sequential pass over an HPROF stream and reports every record to a {@link HprofVisitor}.
 * Understands format 1.0.1, 1.0.2 (and Android's 1.0.3), identifier sizes 4 and 8, HEAP DUMP and
 * HEAP DUMP SEGMENT records and all HotSpot sub-records (plus Android's, so those dumps read too).
 *
 * <p>Every length is checked against the enclosing record before it is trusted, so a corrupt or
 * hostile file fails with an offset instead of making the reader allocate or loop on bogus counts.
 *
 * <p>Reads the file once, front to back. Not thread-safe; create one per parse.
 */
public final class HprofParser {
    private static final String MAGIC_PREFIX = "JAVA PROFILE 1.0.";
    /** Deeper stacks than any JVM writes; a bigger count is corruption (and must not size an array). */
    private static final long MAX_FRAMES = 1 << 20;
    /** Largest instance field data accepted: 65,535 fields of 8 bytes each at most. */
    private static final long MAX_INSTANCE_BYTES = 65_535L * 8 * 2;

    private final HprofInput in;
    private final HprofVisitor visitor;
    private final HprofClassDump classDump = new HprofClassDump();
    private long[] frameIds = new long[64];
    private int heapDumps;
    private boolean inSegmentedDump;
    private boolean deliverCurrentDump;
    private long currentSubRecord = -1;
    private java.util.function.LongConsumer progress = p -> { };
    private long nextProgress;
    private HprofFormatException truncation;

    public HprofParser(HprofInput in, HprofVisitor visitor) {
        this.in = in;
        this.visitor = visitor;
    }

    /** Receives the bytes of the file consumed so far ({@link HprofInput#sourcePosition()}) every few megabytes. */
    public HprofParser onProgress(java.util.function.LongConsumer listener) {
        this.progress = listener;
        return this;
    }

    private void reportProgress() {
        long p = in.position();
        if (p >= nextProgress) {
            nextProgress = p + (4 << 20);
            progress.accept(in.sourcePosition());
        }
    }

    /** Number of heap dumps seen so far (after {@link #parse()}: in the whole file). */
    public int heapDumpCount() {
        return heapDumps;
    }

    /** Reads and validates the header only. */
    public static HprofHeader readHeader(HprofInput in) {
        byte[] magic = new byte[32];
        int n = 0;
        while (true) {
            if (in.atEnd()) {
                throw new HprofFormatException(in.file(), in.position(),
                        n == 0 ? "file is empty" : "not an HPROF heap dump (file ends inside the header)", true);
            }
            int b = in.readU1();
            if (b == 0) {
                break;
            }
            if (n == magic.length || b < 0x20 || b > 0x7E) {
                throw notHprof(in);
            }
            magic[n++] = (byte) b;
        }
        String version = new String(magic, 0, n, StandardCharsets.US_ASCII);
        if (!version.startsWith(MAGIC_PREFIX)) {
            throw notHprof(in);
        }
        if (!version.equals("JAVA PROFILE 1.0.1") && !version.equals("JAVA PROFILE 1.0.2")
                && !version.equals("JAVA PROFILE 1.0.3")) {
            throw new HprofFormatException(in.file(), 0, "unsupported HPROF version '" + version + "'");
        }
        long idOffset = in.position();
        int idSize = in.readInt();
        if (idSize != 4 && idSize != 8) {
            throw new HprofFormatException(in.file(), idOffset,
                    "unsupported identifier size " + idSize + " (only 4 and 8 exist)");
        }
        in.idSize(idSize);
        long timestamp = in.readLong();
        return new HprofHeader(version, idSize, timestamp, (int) in.position());
    }

    private static HprofFormatException notHprof(HprofInput in) {
        return new HprofFormatException(in.file(), 0,
                "not an HPROF heap dump (the file does not start with 'JAVA PROFILE 1.0.x')");
    }

    /**
     * The truncation the last {@link #parse()} worked around (the file ended inside a heap dump), or null
     * when the file was complete.
     */
    public HprofFormatException truncation() {
        return truncation;
    }

    /**
     * Parses the whole stream from the start, header included. A file that ends inside or after a heap
     * dump is reported to the visitor ({@link HprofVisitor#truncated}) and parsing stops there; one that
     * ends before any heap dump fails.
     */
    public HprofHeader parse() {
        HprofHeader header = readHeader(in);
        visitor.header(header);
        try {
            parseRecords();
        } catch (HprofFormatException e) {
            if (!e.truncated() || heapDumps == 0) {
                throw e;
            }
            truncation = e;
            visitor.truncated(currentSubRecord >= 0 ? currentSubRecord : e.byteOffset(), in.position(), e.problem());
            inSegmentedDump = false;
        }
        return header;
    }

    private void parseRecords() {
        long known = in.knownLength();
        while (!in.atEnd()) {
            long recordOffset = in.position();
            reportProgress();
            currentSubRecord = -1;
            int tag = in.readU1();
            if (!HprofTag.isKnown(tag)) {
                // HotSpot writes none; garbage (or a run of zeros from a gzip bomb) must not be walked for hours.
                throw new HprofFormatException(in.file(), recordOffset, "unknown record tag 0x" + Integer.toHexString(tag));
            }
            in.readInt(); // time offset, unused
            long length = in.readU4();
            long bodyStart = in.position();
            if (known >= 0 && bodyStart + length > known) {
                if (tag == HprofTag.HEAP_DUMP || tag == HprofTag.HEAP_DUMP_SEGMENT) {
                    // A cut-short dump: read what is there, the sub-record loop reports where it ends.
                    readHeapDumpRecord(tag, recordOffset, bodyStart, length);
                    continue;
                }
                throw new HprofFormatException(in.file(), recordOffset, "record (tag 0x" + Integer.toHexString(tag)
                        + ") of " + length + " bytes runs past the end of the file", true);
            }
            switch (tag) {
                case HprofTag.UTF8 -> readUtf8(recordOffset, length);
                case HprofTag.LOAD_CLASS -> {
                    expectLength(tag, recordOffset, length, 8 + 2L * in.idSize());
                    int serial = in.readInt();
                    long classId = in.readId();
                    int stack = in.readInt();
                    long nameId = in.readId();
                    visitor.loadClass(serial, classId, stack, nameId);
                }
                case HprofTag.START_THREAD -> {
                    expectLength(tag, recordOffset, length, 8 + 4L * in.idSize());
                    int serial = in.readInt();
                    long threadId = in.readId();
                    int stack = in.readInt();
                    long name = in.readId();
                    long group = in.readId();
                    long parent = in.readId();
                    visitor.startThread(serial, threadId, stack, name, group, parent);
                }
                case HprofTag.STACK_FRAME -> {
                    expectLength(tag, recordOffset, length, 8 + 4L * in.idSize());
                    long frame = in.readId();
                    long method = in.readId();
                    long sig = in.readId();
                    long src = in.readId();
                    int classSerial = in.readInt();
                    int line = in.readInt();
                    visitor.stackFrame(frame, method, sig, src, classSerial, line);
                }
                case HprofTag.STACK_TRACE -> readStackTrace(recordOffset, length);
                case HprofTag.HEAP_DUMP, HprofTag.HEAP_DUMP_SEGMENT ->
                        readHeapDumpRecord(tag, recordOffset, bodyStart, length);
                case HprofTag.HEAP_DUMP_END -> {
                    in.skip(length);
                    if (inSegmentedDump) {
                        visitor.heapDumpEnd(heapDumps - 1, recordOffset);
                        inSegmentedDump = false;
                    }
                }
                default -> in.skip(length);
            }
            if (in.position() != bodyStart + length) {
                throw new HprofFormatException(in.file(), recordOffset, "record (tag 0x" + Integer.toHexString(tag)
                        + ") length " + length + " disagrees with its contents");
            }
        }
        if (inSegmentedDump) {
            // HotSpot always ends segments with HEAP DUMP END; its absence means the file was cut short.
            visitor.heapDumpEnd(heapDumps - 1, in.position());
            inSegmentedDump = false;
        }
    }

    private void expectLength(int tag, long offset, long length, long expected) {
        if (length != expected) {
            throw new HprofFormatException(in.file(), offset, "record (tag 0x" + Integer.toHexString(tag)
                    + ") has length " + length + ", expected " + expected);
        }
    }

    private void readUtf8(long recordOffset, long length) {
        int idSize = in.idSize();
        if (length < idSize || length - idSize > (1 << 24)) {
            throw new HprofFormatException(in.file(), recordOffset, "UTF8 record has implausible length " + length);
        }
        long id = in.readId();
        int n = (int) (length - idSize);
        in.require(n);
        visitor.utf8(id, in.buffer(), in.bufferPosition(), n);
        in.advance(n);
    }

    private void readStackTrace(long recordOffset, long length) {
        int serial = in.readInt();
        int thread = in.readInt();
        long frames = in.readU4();
        if (12 + frames * in.idSize() != length || frames > MAX_FRAMES) {
            throw new HprofFormatException(in.file(), recordOffset, "stack trace record claims " + frames
                    + " frames but has length " + length);
        }
        if (frameIds.length < frames) {
            frameIds = new long[(int) frames];
        }
        for (int i = 0; i < frames; i++) {
            frameIds[i] = in.readId();
        }
        visitor.stackTrace(serial, thread, frameIds, (int) frames);
    }

    private void readHeapDumpRecord(int tag, long recordOffset, long bodyStart, long length) {
        if (tag == HprofTag.HEAP_DUMP || !inSegmentedDump) {
            if (inSegmentedDump) {
                visitor.heapDumpEnd(heapDumps - 1, recordOffset);
            }
            int index = heapDumps++;
            deliverCurrentDump = visitor.wantsHeapDump(index);
            visitor.heapDumpStart(index, recordOffset);
            inSegmentedDump = tag == HprofTag.HEAP_DUMP_SEGMENT;
        }
        long end = bodyStart + length;
        readSubRecords(end);
        if (tag == HprofTag.HEAP_DUMP) {
            visitor.heapDumpEnd(heapDumps - 1, in.position());
        }
    }

    private void readSubRecords(long end) {
        final int idSize = in.idSize();
        final boolean deliver = deliverCurrentDump;
        while (in.position() < end) {
            long offset = in.position();
            if (offset >= nextProgress) {
                reportProgress();
            }
            currentSubRecord = offset;
            int sub = in.readU1();
            switch (sub) {
                case HprofSubTag.ROOT_UNKNOWN, HprofSubTag.ROOT_STICKY_CLASS, HprofSubTag.ROOT_MONITOR_USED,
                        HprofSubTag.ROOT_INTERNED_STRING, HprofSubTag.ROOT_FINALIZING, HprofSubTag.ROOT_DEBUGGER,
                        HprofSubTag.ROOT_REFERENCE_CLEANUP, HprofSubTag.ROOT_VM_INTERNAL,
                        HprofSubTag.ROOT_UNREACHABLE -> root(deliver, sub, in.readId(), -1, -1, offset);
                case HprofSubTag.ROOT_JNI_GLOBAL -> {
                    long id = in.readId();
                    in.skip(idSize);
                    root(deliver, sub, id, -1, -1, offset);
                }
                case HprofSubTag.ROOT_JNI_LOCAL, HprofSubTag.ROOT_JAVA_FRAME, HprofSubTag.ROOT_JNI_MONITOR -> {
                    long id = in.readId();
                    int thread = in.readInt();
                    int frame = in.readInt();
                    root(deliver, sub, id, thread, frame, offset);
                }
                case HprofSubTag.ROOT_NATIVE_STACK, HprofSubTag.ROOT_THREAD_BLOCK -> {
                    long id = in.readId();
                    int thread = in.readInt();
                    root(deliver, sub, id, thread, -1, offset);
                }
                case HprofSubTag.ROOT_THREAD_OBJECT -> {
                    long id = in.readId();
                    int thread = in.readInt();
                    in.readInt(); // stack trace serial
                    root(deliver, sub, id, thread, -1, offset);
                }
                case HprofSubTag.CLASS_DUMP -> readClassDump(offset, end, deliver);
                case HprofSubTag.INSTANCE_DUMP -> {
                    long id = in.readId();
                    in.readInt();
                    long classId = in.readId();
                    long n = in.readU4();
                    long dataStart = in.position();
                    if (n > MAX_INSTANCE_BYTES) {
                        throw new HprofFormatException(in.file(), offset, "instance 0x" + Long.toHexString(id)
                                + " claims " + n + " bytes of fields (more than any class can have)");
                    }
                    checkWithin(offset, dataStart + n, end, "instance dump");
                    if (deliver) {
                        visitor.instanceDump(id, classId, (int) n, in, offset);
                        skipRest(offset, dataStart + n, "instance dump");
                    } else {
                        in.skip(n);
                    }
                }
                case HprofSubTag.OBJECT_ARRAY_DUMP -> {
                    long id = in.readId();
                    in.readInt();
                    long n = in.readU4();
                    long classId = in.readId();
                    long dataStart = in.position();
                    long dataEnd = dataStart + n * idSize;
                    checkWithin(offset, dataEnd, end, "object array of " + n + " elements");
                    if (deliver) {
                        visitor.objectArrayDump(id, classId, (int) n, in, offset);
                        skipRest(offset, dataEnd, "object array dump");
                    } else {
                        in.skip(n * idSize);
                    }
                }
                case HprofSubTag.PRIMITIVE_ARRAY_DUMP, HprofSubTag.PRIMITIVE_ARRAY_NODATA -> {
                    long id = in.readId();
                    in.readInt();
                    long n = in.readU4();
                    int type = in.readU1();
                    if (!HprofType.isValid(type) || type == HprofType.OBJECT) {
                        throw new HprofFormatException(in.file(), offset, "primitive array has invalid element type " + type);
                    }
                    long bytes = sub == HprofSubTag.PRIMITIVE_ARRAY_DUMP ? n * HprofType.fileSize(type, idSize) : 0;
                    checkWithin(offset, in.position() + bytes, end, "primitive array of " + n + " elements");
                    if (deliver) {
                        long dataStart = in.position();
                        visitor.primitiveArrayDump(id, type, (int) n, in, offset);
                        skipRest(offset, dataStart + bytes, "primitive array dump");
                    } else {
                        in.skip(bytes);
                    }
                }
                case HprofSubTag.HEAP_DUMP_INFO -> {
                    in.readInt();
                    in.readId();
                }
                default -> throw new HprofFormatException(in.file(), offset,
                        "unknown heap dump sub-record tag 0x" + Integer.toHexString(sub));
            }
        }
        if (in.position() != end) {
            throw new HprofFormatException(in.file(), in.position(), "heap dump sub-record runs past its record's end");
        }
    }

    private void root(boolean deliver, int sub, long id, int thread, int frame, long offset) {
        if (deliver) {
            visitor.gcRoot(sub, id, thread, frame, offset);
        }
    }

    private void checkWithin(long offset, long recordEnd, long end, String what) {
        if (recordEnd > end) {
            long known = in.knownLength();
            boolean truncated = known >= 0 && end > known && recordEnd > known;
            throw new HprofFormatException(in.file(), offset, truncated
                    ? "file ends in the middle of a record (" + what + ")"
                    : what + " runs past the end of its heap dump record", truncated);
        }
    }

    private void skipRest(long offset, long recordEnd, String what) {
        long pos = in.position();
        if (pos > recordEnd) {
            throw new HprofFormatException(in.file(), offset, what + " was read past its end");
        }
        in.skip(recordEnd - pos);
    }

    private void readClassDump(long offset, long end, boolean deliver) {
        HprofClassDump c = classDump;
        int idSize = in.idSize();
        c.recordOffset = offset;
        c.classId = in.readId();
        in.readInt();
        c.superClassId = in.readId();
        c.classLoaderId = in.readId();
        c.signersId = in.readId();
        c.protectionDomainId = in.readId();
        in.readId();
        in.readId();
        c.instanceSizeBytes = in.readInt();
        int cp = in.readU2();
        c.constantPoolCount = cp;
        for (int i = 0; i < cp; i++) {
            in.readU2();
            int type = in.readU1();
            checkType(type, offset);
            in.skip(HprofType.fileSize(type, idSize));
        }
        int statics = in.readU2();
        c.ensureStatics(statics);
        c.staticCount = statics;
        for (int i = 0; i < statics; i++) {
            c.staticNameIds[i] = in.readId();
            int type = in.readU1();
            checkType(type, offset);
            c.staticTypes[i] = (byte) type;
            c.staticValues[i] = readValue(type, idSize);
        }
        int fields = in.readU2();
        c.ensureFields(fields);
        c.fieldCount = fields;
        for (int i = 0; i < fields; i++) {
            c.fieldNameIds[i] = in.readId();
            int type = in.readU1();
            checkType(type, offset);
            c.fieldTypes[i] = (byte) type;
        }
        checkWithin(offset, in.position(), end, "class dump");
        if (deliver) {
            visitor.classDump(c);
        }
    }

    private void checkType(int type, long offset) {
        if (!HprofType.isValid(type)) {
            throw new HprofFormatException(in.file(), offset, "class dump has invalid field type " + type);
        }
    }

    private long readValue(int type, int idSize) {
        switch (HprofType.fileSize(type, idSize)) {
            case 1:
                return in.readU1();
            case 2:
                return in.readU2();
            case 4:
                return type == HprofType.OBJECT ? in.readU4() : in.readInt();
            default:
                return in.readLong();
        }
    }
}

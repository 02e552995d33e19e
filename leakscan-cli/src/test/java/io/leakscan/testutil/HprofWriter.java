package io.leakscan.testutil;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only writer of small HPROF files, for exact, edge-case and malformed inputs. Records are written
 * in the order the calls are made; {@link #startHeapDump()} / {@link #endHeapDump()} bracket one
 * HEAP DUMP SEGMENT whose length is filled in at the end. Not thread-safe.
 */
public final class HprofWriter {
    public static final int OBJECT = 2;
    public static final int BOOLEAN = 4;
    public static final int CHAR = 5;
    public static final int BYTE = 8;
    public static final int INT = 10;
    public static final int LONG = 11;

    private final int idSize;
    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(file);
    private ByteArrayOutputStream segment;
    private DataOutputStream seg;

    public HprofWriter(int idSize) {
        this(idSize, "JAVA PROFILE 1.0.2", 1_700_000_000_000L);
    }

    public HprofWriter(int idSize, String version, long timestamp) {
        this.idSize = idSize;
        try {
            out.write(version.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            out.writeInt(idSize);
            out.writeLong(timestamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void id(DataOutputStream o, long id) throws IOException {
        if (idSize == 4) {
            o.writeInt((int) id);
        } else {
            o.writeLong(id);
        }
    }

    private void record(int tag, byte[] body) {
        try {
            out.write(tag);
            out.writeInt(0);
            out.writeInt(body.length);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A UTF8 record, encoded as the JVM writes it: modified UTF-8 (the JDK's own, from writeUTF). */
    public HprofWriter utf8(long id, String s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        try {
            id(d, id);
            ByteArrayOutputStream modified = new ByteArrayOutputStream();
            new DataOutputStream(modified).writeUTF(s);
            d.write(modified.toByteArray(), 2, modified.size() - 2); // without writeUTF's length prefix
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(0x01, b.toByteArray());
        return this;
    }

    /** A LOAD CLASS record plus the UTF8 record for its name (name id = class id + 1). */
    public HprofWriter loadClass(int serial, long classId, String jvmName) {
        utf8(classId + 1, jvmName);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        try {
            d.writeInt(serial);
            id(d, classId);
            d.writeInt(0);
            id(d, classId + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(0x02, b.toByteArray());
        return this;
    }

    public HprofWriter startHeapDump() {
        segment = new ByteArrayOutputStream();
        seg = new DataOutputStream(segment);
        return this;
    }

    public HprofWriter endHeapDump() {
        record(0x1C, segment.toByteArray());
        record(0x2C, new byte[0]);
        segment = null;
        seg = null;
        return this;
    }

    public HprofWriter rootStickyClass(long id) {
        return sub(0x05, () -> id(seg, id));
    }

    public HprofWriter rootJniGlobal(long id) {
        return sub(0x01, () -> {
            id(seg, id);
            id(seg, 0);
        });
    }

    public HprofWriter rootThreadObject(long id, int threadSerial) {
        return sub(0x08, () -> {
            id(seg, id);
            seg.writeInt(threadSerial);
            seg.writeInt(0);
        });
    }

    public HprofWriter rootJavaFrame(long id, int threadSerial) {
        return sub(0x03, () -> {
            id(seg, id);
            seg.writeInt(threadSerial);
            seg.writeInt(0);
        });
    }

    /**
     * A CLASS DUMP. {@code fields} alternate name-string-id and type code; statics likewise but with a
     * value after each (an id for OBJECT, an int otherwise).
     */
    public HprofWriter classDump(long classId, long superId, int instanceSize, long[] statics, long[] fields) {
        return sub(0x20, () -> {
            id(seg, classId);
            seg.writeInt(0);
            id(seg, superId);
            id(seg, 0);
            id(seg, 0);
            id(seg, 0);
            id(seg, 0);
            id(seg, 0);
            seg.writeInt(instanceSize);
            seg.writeShort(0);
            seg.writeShort(statics.length / 3);
            for (int i = 0; i < statics.length; i += 3) {
                id(seg, statics[i]);
                seg.writeByte((int) statics[i + 1]);
                if (statics[i + 1] == OBJECT) {
                    id(seg, statics[i + 2]);
                } else {
                    seg.writeInt((int) statics[i + 2]);
                }
            }
            seg.writeShort(fields.length / 2);
            for (int i = 0; i < fields.length; i += 2) {
                id(seg, fields[i]);
                seg.writeByte((int) fields[i + 1]);
            }
        });
    }

    /** An INSTANCE DUMP whose field bytes are the given reference ids (each idSize bytes). */
    public HprofWriter instance(long id, long classId, long... refs) {
        return sub(0x21, () -> {
            id(seg, id);
            seg.writeInt(0);
            id(seg, classId);
            seg.writeInt(refs.length * idSize);
            for (long r : refs) {
                id(seg, r);
            }
        });
    }

    /** An INSTANCE DUMP with raw field bytes. */
    public HprofWriter instanceRaw(long id, long classId, byte[] fieldBytes) {
        return sub(0x21, () -> {
            id(seg, id);
            seg.writeInt(0);
            id(seg, classId);
            seg.writeInt(fieldBytes.length);
            seg.write(fieldBytes);
        });
    }

    public HprofWriter objectArray(long id, long arrayClassId, long... elements) {
        return sub(0x22, () -> {
            id(seg, id);
            seg.writeInt(0);
            seg.writeInt(elements.length);
            id(seg, arrayClassId);
            for (long e : elements) {
                id(seg, e);
            }
        });
    }

    /** A PRIMITIVE ARRAY DUMP of {@code length} zero bytes... of the given element type. */
    public HprofWriter byteArray(long id, int length) {
        return sub(0x23, () -> {
            id(seg, id);
            seg.writeInt(0);
            seg.writeInt(length);
            seg.writeByte(BYTE);
            seg.write(new byte[length]);
        });
    }

    /** A PRIMITIVE ARRAY DUMP of {@code length} elements of {@code type} whose big-endian bytes are {@code data}. */
    public HprofWriter primitiveArray(long id, int type, int length, byte[] data) {
        return sub(0x23, () -> {
            id(seg, id);
            seg.writeInt(0);
            seg.writeInt(length);
            seg.writeByte(type);
            seg.write(data);
        });
    }

    /** Raw bytes inside the current heap dump segment (for malformed input). */
    public HprofWriter rawSub(byte[] bytes) {
        return sub(-1, () -> seg.write(bytes));
    }

    private interface Body {
        void write() throws IOException;
    }

    private HprofWriter sub(int tag, Body body) {
        try {
            if (tag >= 0) {
                seg.writeByte(tag);
            }
            body.write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public byte[] toBytes() {
        return file.toByteArray();
    }

    public Path writeTo(Path path) throws IOException {
        Files.write(path, toBytes());
        return path;
    }
}

package io.leakscan.util;

/** Append-only list of bytes in fixed-size chunks (growth never copies). Indices are {@code long}. Not thread-safe. */
public final class ChunkedByteList {
    private static final int SHIFT = 22;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private byte[][] chunks = new byte[16][];
    private long size;

    public void add(byte v) {
        int c = (int) (size >>> SHIFT);
        if (c == chunks.length) {
            byte[][] bigger = new byte[chunks.length * 2][];
            System.arraycopy(chunks, 0, bigger, 0, chunks.length);
            chunks = bigger;
        }
        byte[] chunk = chunks[c];
        if (chunk == null) {
            chunk = new byte[CHUNK];
            chunks[c] = chunk;
        }
        chunk[(int) (size & MASK)] = v;
        size++;
    }

    public byte get(long i) {
        return chunks[(int) (i >>> SHIFT)][(int) (i & MASK)];
    }

    public void set(long i, byte v) {
        chunks[(int) (i >>> SHIFT)][(int) (i & MASK)] = v;
    }

    public long size() {
        return size;
    }

    /** Keeps the first {@code newSize} entries and releases the chunks past them. */
    public void truncate(long newSize) {
        if (newSize > size) {
            throw new IllegalArgumentException("cannot grow by truncating: " + newSize + " > " + size);
        }
        size = newSize;
        for (int c = (int) ((newSize + MASK) >>> SHIFT); c < chunks.length; c++) {
            chunks[c] = null;
        }
    }
}

package io.leakscan.util;

import java.util.Arrays;

/** Growable byte array with big-endian int/long helpers, for parked record bytes and per-object kinds. Not thread-safe. */
public final class ByteList {
    private byte[] data;
    private int size;

    public ByteList(int capacity) {
        data = new byte[Math.max(16, capacity)];
    }

    private void ensure(int extra) {
        if (size + extra > data.length) {
            long want = Math.max((long) IntArrayList.grow(data.length), (long) size + extra);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("byte list too large");
            }
            data = Arrays.copyOf(data, (int) want);
        }
    }

    public void add(byte b) {
        if (size == data.length) {
            ensure(1);
        }
        data[size++] = b;
    }

    public byte get(int i) {
        return data[i];
    }

    public void addInt(int v) {
        ensure(4);
        data[size++] = (byte) (v >>> 24);
        data[size++] = (byte) (v >>> 16);
        data[size++] = (byte) (v >>> 8);
        data[size++] = (byte) v;
    }

    public void addLong(long v) {
        addInt((int) (v >>> 32));
        addInt((int) v);
    }

    public void addBytes(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, data, size, len);
        size += len;
    }

    public int getInt(int i) {
        return (data[i] << 24) | ((data[i + 1] & 0xFF) << 16) | ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
    }

    public long getLong(int i) {
        return ((long) getInt(i) << 32) | (getInt(i + 4) & 0xFFFFFFFFL);
    }

    /** An identifier of {@code idSize} (4 or 8) bytes at {@code i}. */
    public long getId(int i, int idSize) {
        return idSize == 4 ? getInt(i) & 0xFFFFFFFFL : getLong(i);
    }

    public int size() {
        return size;
    }

    /** Drops every element from {@code newSize} on. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IndexOutOfBoundsException(newSize);
        }
        size = newSize;
    }

    public void clear() {
        data = new byte[16];
        size = 0;
    }

    /** A trimmed copy. */
    public byte[] toArray() {
        return Arrays.copyOf(data, size);
    }
}

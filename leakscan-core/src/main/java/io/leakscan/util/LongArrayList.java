package io.leakscan.util;

import java.util.Arrays;

/** Growable {@code long} array without boxing. Not thread-safe. */
public final class LongArrayList {
    private long[] data;
    private int size;

    public LongArrayList(int capacity) {
        data = new long[Math.max(4, capacity)];
    }

    public void add(long v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, IntArrayList.grow(data.length));
        }
        data[size++] = v;
    }

    public long get(int i) {
        return data[i];
    }

    public void set(int i, long v) {
        data[i] = v;
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

    /** The backing array (valid up to {@link #size()}); shared, not copied. */
    public long[] raw() {
        return data;
    }

    public long[] toArray() {
        return Arrays.copyOf(data, size);
    }
}

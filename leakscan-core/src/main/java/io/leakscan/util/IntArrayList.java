package io.leakscan.util;

import java.util.Arrays;

/** Growable {@code int} array without boxing. Not thread-safe. */
public final class IntArrayList {
    private int[] data;
    private int size;

    public IntArrayList(int capacity) {
        data = new int[Math.max(4, capacity)];
    }

    public void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, grow(data.length));
        }
        data[size++] = v;
    }

    static int grow(int length) {
        long next = length + (length >> 1) + 16L;
        if (next > Integer.MAX_VALUE - 16) {
            if (length >= Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("array too large");
            }
            next = Integer.MAX_VALUE - 16;
        }
        return (int) next;
    }

    public int get(int i) {
        return data[i];
    }

    public void set(int i, int v) {
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
    public int[] raw() {
        return data;
    }

    /** A copy trimmed to the size. */
    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}

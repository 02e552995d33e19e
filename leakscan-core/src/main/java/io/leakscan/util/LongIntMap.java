package io.leakscan.util;

import java.util.Arrays;

/**
 * Open-addressing hash map from {@code long} keys to {@code int} values, with no boxing.
 *
 * <p>Hand-written (about sixty lines) instead of pulling in a primitive-collections library of several
 * megabytes for the one map shape the reader needs (identifiers to small indices). Memory: 12 bytes
 * per slot, at most 2 slots per entry. Not thread-safe.
 */
public final class LongIntMap {
    private static final long EMPTY = 0x8000_0000_0000_0001L;

    private long[] keys;
    private int[] values;
    private int size;
    /** The one key equal to the empty-slot marker lives outside the table (a corrupt dump can use any id). */
    private boolean hasEmptyKey;
    private int emptyKeyValue;
    private int mask;
    private final int missing;

    /** @param missing value returned by {@link #get} for absent keys */
    public LongIntMap(int expected, int missing) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        values = new int[cap];
        mask = cap - 1;
        this.missing = missing;
    }

    public int size() {
        return size + (hasEmptyKey ? 1 : 0);
    }

    private static int hash(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32));
    }

    public int get(long key) {
        if (key == EMPTY) {
            return hasEmptyKey ? emptyKeyValue : missing;
        }
        int i = hash(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return missing;
            }
            i = (i + 1) & mask;
        }
    }

    public boolean containsKey(long key) {
        if (key == EMPTY) {
            return hasEmptyKey;
        }
        int i = hash(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return true;
            }
            if (k == EMPTY) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    /** Associates {@code value} with {@code key}; returns the previous value or the missing marker. */
    public int put(long key, int value) {
        if (key == EMPTY) {
            int old = hasEmptyKey ? emptyKeyValue : missing;
            hasEmptyKey = true;
            emptyKeyValue = value;
            return old;
        }
        int i = hash(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                int old = values[i];
                values[i] = value;
                return old;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return missing;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        values = new int[keys.length];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}

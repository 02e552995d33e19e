package io.leakscan.heap;

import io.leakscan.util.IntArrayList;
import io.leakscan.util.LongIntMap;
import java.util.Arrays;

/**
 * The dump's UTF8 records (class, field, method and thread names), kept as raw bytes in one pool and
 * decoded (as the JVM's modified UTF-8) only when asked: a large dump has hundreds of thousands of them and most are never shown.
 *
 * <p>Memory: the bytes themselves plus about 32 bytes per string. Not thread-safe while being filled;
 * safe to read afterwards.
 */
public final class StringTable {
    private final LongIntMap index = new LongIntMap(1 << 14, -1);
    private final IntArrayList offsets = new IntArrayList(1 << 14);
    private final IntArrayList lengths = new IntArrayList(1 << 14);
    private byte[] pool = new byte[1 << 20];
    private int used;

    /** Stores a copy of {@code length} bytes at {@code buf[offset]} under {@code id}. */
    public void add(long id, byte[] buf, int offset, int length) {
        if (used + length > pool.length) {
            long want = Math.max((long) pool.length * 2, (long) used + length);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more than 2 GB of names in the dump");
            }
            pool = Arrays.copyOf(pool, (int) want);
        }
        System.arraycopy(buf, offset, pool, used, length);
        index.put(id, offsets.size());
        offsets.add(used);
        lengths.add(length);
        used += length;
    }

    /** True when a UTF8 record with this id exists. */
    public boolean contains(long id) {
        return index.containsKey(id);
    }

    /** The decoded string, or null when the dump has no UTF8 record with this id. */
    public String get(long id) {
        int i = index.get(id);
        if (i < 0) {
            return null;
        }
        return io.leakscan.hprof.ModifiedUtf8.decode(pool, offsets.get(i), lengths.get(i));
    }

    /** The decoded string, or a placeholder naming the missing id. */
    public String getOrUnknown(long id) {
        String s = get(id);
        return s != null ? s : "<unknown string 0x" + Long.toHexString(id) + ">";
    }
}

package io.leakscan.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chunked lists at their boundaries, with chunks of 16 entries so that every boundary the real
 * 2^20-entry chunks have is reached with a few hundred entries: one below, at and above a chunk's end,
 * and exactly at the chunk table's length (16 chunks) and its doublings, where the old
 * {@code replaceAll} read past the table.
 */
class ChunkedListsTest {
    private static final int SHIFT = 4;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 255, 256, 257, 512, 1024, 1025})
    void mapToIntConvertsEveryEntryAndEmptiesTheLongList(int size) {
        ChunkedLongList longs = new ChunkedLongList(SHIFT);
        for (int i = 0; i < size; i++) {
            longs.add(1000L * i + 7);
        }
        ChunkedIntList ints = longs.mapToInt(v -> (int) (v / 1000));
        assertThat(ints.size()).isEqualTo(size);
        for (int i = 0; i < size; i++) {
            assertThat(ints.get(i)).isEqualTo(i);
        }
        assertThat(longs.size()).isZero();
        // The int list keeps growing past the boundary it was handed at.
        ints.add(-5);
        assertThat(ints.get(size)).isEqualTo(-5);
        assertThat(ints.size()).isEqualTo(size + 1L);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 17, 256, 300})
    void truncateKeepsThePrefixAndAllowsAppendingAgain(int size) {
        ChunkedIntList ints = new ChunkedIntList();
        ChunkedByteList bytes = new ChunkedByteList();
        for (int i = 0; i < size; i++) {
            ints.add(i);
            bytes.add((byte) i);
        }
        int kept = size / 2;
        ints.truncate(kept);
        bytes.truncate(kept);
        assertThat(ints.size()).isEqualTo(kept);
        assertThat(bytes.size()).isEqualTo(kept);
        for (int i = 0; i < kept; i++) {
            assertThat(ints.get(i)).isEqualTo(i);
            assertThat(bytes.get(i)).isEqualTo((byte) i);
        }
        ints.add(42);
        assertThat(ints.get(kept)).isEqualTo(42);
        assertThatThrownBy(() -> ints.truncate(size + 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 16, 17, 4096})
    void setOverwritesInPlace(int size) {
        ChunkedLongList longs = new ChunkedLongList(SHIFT);
        for (int i = 0; i < size; i++) {
            longs.add(i);
        }
        ChunkedIntList ints = longs.mapToInt(v -> (int) v);
        for (int i = 0; i < size; i++) {
            ints.set(i, size - i);
        }
        for (int i = 0; i < size; i++) {
            assertThat(ints.get(i)).isEqualTo(size - i);
        }
    }
}

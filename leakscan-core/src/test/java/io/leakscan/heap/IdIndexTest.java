package io.leakscan.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Id lookups find every id and nothing else, whatever the id range (found by fuzzing: ids across the sign bit). */
class IdIndexTest {
    @Property(tries = 200)
    void findsEveryIdAndOnlyThose(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(2000);
        long[] ids = new long[n];
        boolean wide = r.nextBoolean();
        for (int i = 0; i < n; i++) {
            ids[i] = wide ? r.nextLong() : 0x7f00_0000L + 8L * r.nextInt(1_000_000);
        }
        long[] sorted = Arrays.stream(ids).distinct().sorted().toArray();
        IdIndex index = new IdIndex(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertThat(index.indexOf(sorted[i])).isEqualTo(i);
        }
        for (int i = 0; i < 200; i++) {
            long probe = r.nextLong();
            int expected = Arrays.binarySearch(sorted, probe);
            assertThat(index.indexOf(probe)).isEqualTo(expected >= 0 ? expected : -1);
        }
    }

    @Property(tries = 200)
    void bitmapLayoutAgreesWithTheSortedOne(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(3000);
        long base = 8L * r.nextInt(1 << 20);
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = base + 8L * r.nextInt(4 * n);
        }
        long[] distinct = Arrays.stream(ids).distinct().toArray();
        IdIndex bitmap = IdIndex.fromUnsorted(distinct, distinct.length, id -> {
            throw new AssertionError("duplicate " + id);
        });
        assertThat(bitmap).isNotNull();
        assertThat(bitmap.isBitmap()).isTrue();
        long[] sorted = distinct.clone();
        Arrays.sort(sorted);
        assertThat(bitmap.ids()).containsExactly(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertThat(bitmap.idAt(i)).isEqualTo(sorted[i]);
        }
        for (int i = 0; i < 300; i++) {
            long probe = base + 4L * r.nextInt(8 * n);
            int expected = Arrays.binarySearch(sorted, probe);
            assertThat(bitmap.indexOf(probe)).isEqualTo(expected >= 0 ? expected : -1);
        }
        assertThat(bitmap.indexOf(base - 8)).isEqualTo(-1);
    }

    @Test
    void bitmapLayoutRefusesOddOrSparseIdsAndReportsDuplicates() {
        assertThat(IdIndex.fromUnsorted(new long[] {8, 12}, 2, id -> { })).isNull();
        assertThat(IdIndex.fromUnsorted(new long[] {8, 1L << 40}, 2, id -> { })).isNull();
        long[] seen = new long[1];
        IdIndex.fromUnsorted(new long[] {16, 8, 16}, 3, id -> seen[0] = id);
        assertThat(seen[0]).isEqualTo(16);
    }

    @Test
    void idsOnBothSidesOfTheSignBit() {
        long[] sorted = {Long.MIN_VALUE + 8, -16, 0, 24, Long.MAX_VALUE - 7};
        IdIndex index = new IdIndex(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertThat(index.indexOf(sorted[i])).isEqualTo(i);
        }
        assertThat(index.indexOf(8)).isEqualTo(-1);
        assertThat(index.indexOf(Long.MIN_VALUE)).isEqualTo(-1);
    }
}

package io.leakscan.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The primitive map behaves like a HashMap for every key, the empty-slot marker included (a fuzzer finding). */
class LongIntMapTest {
    @Property(tries = 100)
    void behavesLikeAHashMap(@ForAll long seed) {
        Random r = new Random(seed);
        LongIntMap map = new LongIntMap(4, -1);
        Map<Long, Integer> reference = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            long key = r.nextInt(10) == 0 ? 0x8000_0000_0000_0001L : r.nextInt(500) - 250L;
            int value = r.nextInt(1000);
            assertThat(map.put(key, value)).isEqualTo(reference.getOrDefault(key, -1));
            reference.put(key, value);
        }
        assertThat(map.size()).isEqualTo(reference.size());
        for (Map.Entry<Long, Integer> e : reference.entrySet()) {
            assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
            assertThat(map.containsKey(e.getKey())).isTrue();
        }
        assertThat(map.get(1_000_000L)).isEqualTo(-1);
    }

    @Test
    void theEmptyMarkerIsAnOrdinaryKey() {
        LongIntMap map = new LongIntMap(4, -1);
        assertThat(map.containsKey(0x8000_0000_0000_0001L)).isFalse();
        map.put(0x8000_0000_0000_0001L, 7);
        assertThat(map.get(0x8000_0000_0000_0001L)).isEqualTo(7);
        assertThat(map.size()).isEqualTo(1);
    }
}

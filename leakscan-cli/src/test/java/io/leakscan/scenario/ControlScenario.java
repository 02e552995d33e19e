package io.leakscan.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * No leak: a bounded LRU cache that is full from the start, garbage churned between dumps, and
 * stable data. No suspect should pass the default thresholds.
 */
public final class ControlScenario extends GrowthScenario {
    static final int CAPACITY = 2_000;
    static final Map<Integer, byte[]> LRU = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
            return size() > CAPACITY;
        }
    };
    static final List<String> REFERENCE_DATA = new ArrayList<>();
    static volatile Object sink;
    private int next;

    @Override
    protected void setUp() {
        for (int i = 0; i < 20_000; i++) {
            REFERENCE_DATA.add("code-" + i);
        }
        touch(CAPACITY * 2);
    }

    @Override
    protected void grow(int round) {
        touch(5_000);
        for (int i = 0; i < 50_000; i++) {
            sink = new byte[256]; // garbage
        }
        sink = null;
    }

    private void touch(int n) {
        for (int i = 0; i < n; i++) {
            LRU.put(next++, new byte[512]);
        }
    }

    public static void main(String[] args) throws Exception {
        run(new ControlScenario(), args);
    }
}

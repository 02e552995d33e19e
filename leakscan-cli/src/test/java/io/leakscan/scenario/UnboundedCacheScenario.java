package io.leakscan.scenario;

import java.util.HashMap;
import java.util.Map;

/** A cache that is never evicted: every round adds 2,000 entries of 512 bytes. */
public final class UnboundedCacheScenario extends GrowthScenario {
    static final Map<String, byte[]> RESPONSE_CACHE = new HashMap<>();
    private int next;

    @Override
    protected void setUp() {
        add(500);
    }

    @Override
    protected void grow(int round) {
        add(2_000);
    }

    private void add(int n) {
        for (int i = 0; i < n; i++) {
            RESPONSE_CACHE.put("request-" + next++, new byte[512]);
        }
    }

    public static void main(String[] args) throws Exception {
        run(new UnboundedCacheScenario(), args);
    }
}

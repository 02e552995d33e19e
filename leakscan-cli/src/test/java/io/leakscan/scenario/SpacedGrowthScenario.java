package io.leakscan.scenario;

import java.util.HashMap;
import java.util.Map;

/**
 * A cache that only grows, dumped three times over about three seconds: dumps far enough apart in time
 * for the HTML report's time axis (the other scenarios dump milliseconds apart).
 */
public final class SpacedGrowthScenario extends GrowthScenario {
    static final Map<Integer, byte[]> ORDER_CACHE = new HashMap<>();
    private int next;

    @Override
    protected void setUp() {
        add(400);
    }

    @Override
    protected void grow(int round) throws InterruptedException {
        Thread.sleep(1_200);
        add(400 * round);
    }

    private void add(int orders) {
        for (int i = 0; i < orders; i++) {
            ORDER_CACHE.put(next++, new byte[1_000]);
        }
    }

    public static void main(String[] args) throws Exception {
        run(new SpacedGrowthScenario(), args);
    }
}

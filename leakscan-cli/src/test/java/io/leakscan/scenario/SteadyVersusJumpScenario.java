package io.leakscan.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Two structures grow: one steadily across every interval, the other once by more (then stays). The
 * steady one is the leak and must rank first.
 */
public final class SteadyVersusJumpScenario extends GrowthScenario {
    static final List<byte[]> STEADY = new ArrayList<>();
    static final List<byte[]> WARMUP = new ArrayList<>();

    @Override
    protected void setUp() {
        add(STEADY, 100);
        add(WARMUP, 100);
    }

    @Override
    protected void grow(int round) {
        add(STEADY, 600);
        if (round == 1) {
            add(WARMUP, 1_000);
        }
    }

    private static void add(List<byte[]> list, int n) {
        for (int i = 0; i < n; i++) {
            list.add(new byte[1024]);
        }
    }

    public static void main(String[] args) throws Exception {
        run(new SteadyVersusJumpScenario(), args);
    }
}

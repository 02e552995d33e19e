package io.leakscan.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The small steady leak: an audit list that gains 40 short strings per interval (a few KB), far below the
 * size threshold, over four dumps; beside it a list that is rebuilt to the same size each round.
 */
public final class SteadySmallLeakScenario extends GrowthScenario {
    static final List<String> AUDIT = new ArrayList<>();
    static List<String> snapshot = new ArrayList<>();
    private int next;

    @Override
    protected void setUp() {
        add(40);
        rebuild();
    }

    @Override
    protected void grow(int round) {
        add(40);
        rebuild();
    }

    private void add(int n) {
        for (int i = 0; i < n; i++) {
            AUDIT.add("login user-" + next++);
        }
    }

    private static void rebuild() {
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            fresh.add("row-" + i);
        }
        snapshot = fresh;
    }

    public static void main(String[] args) throws Exception {
        run(new SteadySmallLeakScenario(), args);
    }
}

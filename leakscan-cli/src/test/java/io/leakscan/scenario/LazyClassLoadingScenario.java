package io.leakscan.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * No leak: the application loads a few more of its own classes between dumps (as every application
 * does, lazily), each with a small static, while its data stays the same.
 */
public final class LazyClassLoadingScenario extends GrowthScenario {
    static final List<String> CONFIG = new ArrayList<>();

    /** Loaded in round 1. */
    static final class FeatureA {
        static final byte[] TABLE = new byte[2048];
    }

    /** Loaded in round 2. */
    static final class FeatureB {
        static final byte[] TABLE = new byte[2048];
    }

    /** Loaded in round 3. */
    static final class FeatureC {
        static final byte[] TABLE = new byte[2048];
    }

    @Override
    protected void setUp() {
        for (int i = 0; i < 1_000; i++) {
            CONFIG.add("setting-" + i);
        }
    }

    @Override
    protected void grow(int round) throws Exception {
        String name = LazyClassLoadingScenario.class.getName() + "$Feature" + (char) ('A' + round - 1);
        Class.forName(name, true, LazyClassLoadingScenario.class.getClassLoader());
    }

    public static void main(String[] args) throws Exception {
        run(new LazyClassLoadingScenario(), args);
    }
}

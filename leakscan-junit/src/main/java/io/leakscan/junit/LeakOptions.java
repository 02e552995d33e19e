package io.leakscan.junit;

import java.util.List;

/**
 * How a leak check runs and judges: the attributes of {@link LeakTest}, for {@link LeakAssertions}. Immutable.
 *
 * @param warmups       runs before the first dump
 * @param iterations    measured runs, a dump after each (at least 2)
 * @param minScore      lowest suspect score that fails (0-100)
 * @param maxGrowth     heap growth limit first dump to last ("1MB", "5%"), or null for none
 * @param ignoreClasses class-name patterns of containers or accumulating classes never to fail on
 * @param ignorePaths   reference-path patterns never to fail on
 * @param analysis      where the dumps are analysed
 */
public record LeakOptions(int warmups, int iterations, int minScore, String maxGrowth, List<String> ignoreClasses,
        List<String> ignorePaths, LeakTest.Analysis analysis) {

    public LeakOptions {
        if (warmups < 0 || iterations < 2 || minScore < 0 || minScore > 100) {
            throw new IllegalArgumentException("leak check: warmups must be 0 or more, iterations 2 or more, minScore"
                    + " 0-100 (got " + warmups + ", " + iterations + ", " + minScore + ")");
        }
        ignoreClasses = List.copyOf(ignoreClasses);
        ignorePaths = List.copyOf(ignorePaths);
        maxGrowth = maxGrowth == null || maxGrowth.isBlank() ? null : maxGrowth;
    }

    /** The defaults of {@link LeakTest}: 2 warm-ups, 3 iterations, score 60, no growth limit, nothing ignored. */
    public static LeakOptions defaults() {
        return new LeakOptions(2, 3, 60, null, List.of(), List.of(), LeakTest.Analysis.AUTO);
    }

    static LeakOptions of(LeakTest a) {
        return new LeakOptions(a.warmups(), a.iterations(), a.minScore(), a.maxGrowth(), List.of(a.ignoreClasses()),
                List.of(a.ignorePaths()), a.analysis());
    }

    public LeakOptions withWarmups(int n) {
        return new LeakOptions(n, iterations, minScore, maxGrowth, ignoreClasses, ignorePaths, analysis);
    }

    public LeakOptions withIterations(int n) {
        return new LeakOptions(warmups, n, minScore, maxGrowth, ignoreClasses, ignorePaths, analysis);
    }

    public LeakOptions withIgnoredPaths(String... patterns) {
        return new LeakOptions(warmups, iterations, minScore, maxGrowth, ignoreClasses, List.of(patterns), analysis);
    }

    public LeakOptions withAnalysis(LeakTest.Analysis where) {
        return new LeakOptions(warmups, iterations, minScore, maxGrowth, ignoreClasses, ignorePaths, where);
    }
}

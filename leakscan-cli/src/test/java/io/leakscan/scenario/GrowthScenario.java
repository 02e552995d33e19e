package io.leakscan.scenario;

/**
 * A child-JVM scenario that dumps its heap several times and changes between dumps: {@link #setUp()}
 * once, then for each dump path in {@code args}, {@link #grow(int)} (except before the first) and a
 * heap dump.
 */
public abstract class GrowthScenario {
    protected abstract void setUp() throws Exception;

    /** Changes the heap between dump {@code round - 1} and dump {@code round}. */
    protected abstract void grow(int round) throws Exception;

    protected static void run(GrowthScenario scenario, String[] dumpPaths) throws Exception {
        scenario.setUp();
        for (int i = 0; i < dumpPaths.length; i++) {
            if (i > 0) {
                scenario.grow(i);
            }
            Thread.sleep(20); // distinct dump times, so growth per hour is defined
            ScenarioSupport.dumpHeap(dumpPaths[i]);
        }
    }
}

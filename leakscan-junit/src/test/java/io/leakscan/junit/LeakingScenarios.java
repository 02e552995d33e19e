package io.leakscan.junit;

/**
 * Leaking services under {@link LeakTest}: not run by Surefire directly (the name does not end in Test),
 * but through the JUnit launcher by {@link LeakTestExtensionTest}, which expects each to fail.
 */
class LeakingScenarios {
    @LeakTest(warmups = 2, iterations = 3)
    void unboundedCache() {
        Services.UnboundedCache.handleRequests();
    }

    @LeakTest(warmups = 2, iterations = 3)
    void listenersNeverRemoved() {
        Services.requestsThatForgetTheirListeners();
    }

    @LeakTest(warmups = 2, iterations = 3)
    void threadLocalInAPoolNeverCleared() throws Exception {
        Services.PooledAudit.handleRequests(false);
    }

    @LeakTest(warmups = 1, iterations = 2, analysis = LeakTest.Analysis.CHILD_JVM)
    void unboundedCacheAnalysedInAChildJvm() {
        Services.UnboundedCache.handleRequests();
    }

    @LeakTest(warmups = 1, iterations = 2, ignorePaths = "*UnboundedCache.RESPONSES")
    void unboundedCacheIgnoredByPath() {
        Services.UnboundedCache.handleRequests();
    }

    @LeakTest(warmups = 1, iterations = 2, ignoreClasses = "java.util.HashMap")
    void unboundedCacheIgnoredByClass() {
        Services.UnboundedCache.handleRequests();
    }

    /** Every growth ignored by path, but the heap grows by about 256 KiB an iteration: past maxGrowth. */
    @LeakTest(warmups = 1, iterations = 2, maxGrowth = "64KiB", ignorePaths = "*")
    void heapGrowthPastMaxGrowth() {
        Services.Ballast.add(256 * 1024);
    }
}

package io.leakscan.scenario;

import static io.leakscan.scenario.ScenarioDiffs.diff;
import static io.leakscan.scenario.ScenarioDiffs.noSuspect;
import static io.leakscan.scenario.ScenarioDiffs.onlyTopReachesGate;
import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.diff.DiffResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Leaks built with the real libraries and JDK containers, in child JVMs: the top suspect names the
 * container people know, its holder, kind and entries in every dump, and no other suspect reaches the
 * default gate. Stable controls give no suspect.
 */
class SuspectScenarioTest {
    @TempDir
    Path dir;

    private static final String CACHES = "static " + LibraryCacheScenario.class.getName() + ".responses";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "guava          | Guava cache                | no maximum size, no expiry",
        "guava-loading  | Guava cache                | no maximum size, no expiry",
        "caffeine       | Caffeine cache (unbounded) | no maximum size, no expiry",
        "caffeine-expiring | Caffeine cache          | no maximum size, expiry set",
        "ehcache        | Ehcache cache              | "})
    void libraryCacheThatOnlyGrowsIsTheTopSuspect(String mode, String words, String configuration) throws Exception {
        DiffResult.Suspect s = onlyTopReachesGate(diff(dir, LibraryCacheScenario.class, 3, mode));
        assertThat(s.kind()).isEqualTo("cache");
        assertThat(s.container()).isEqualTo(words);
        assertThat(s.path()).isEqualTo(CACHES);
        assertThat(s.elements()).containsExactly(500, 2_500, 4_500);
        assertThat(s.configuration()).isEqualTo(configuration); // null where the dump does not say
        assertThat(s.keyClass()).isEqualTo("java.lang.String");
        assertThat(s.valueClass()).isEqualTo("byte[]");
        assertThat(s.examples()).isNotEmpty().allMatch(k -> k.startsWith("\"request-"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"guava-bounded", "caffeine-bounded", "ehcache-bounded"})
    void fullBoundedCacheIsNoSuspect(String mode) throws Exception {
        noSuspect(diff(dir, LibraryCacheScenario.class, 3, mode));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cow-list            | CopyOnWriteArrayList of listeners | listeners",
        "cow-set             | CopyOnWriteArraySet of listeners  | subscribers",
        "property-change     | PropertyChangeSupport of listeners | changes",
        "event-listener-list | EventListenerList                 | listenerList"})
    void listenersNeverRemovedAreTheTopSuspect(String mode, String words, String field) throws Exception {
        DiffResult.Suspect s = onlyTopReachesGate(diff(dir, ListenerKindsScenario.class, 3, mode));
        assertThat(s.kind()).isEqualTo("listeners");
        assertThat(s.container()).isEqualTo(words);
        assertThat(s.path()).isEqualTo("static " + ListenerKindsScenario.class.getName() + ".FEED → "
                + ListenerKindsScenario.PriceFeed.class.getName() + "." + field);
        assertThat(s.elements()).containsExactly(100, 1_600, 3_100);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "concurrent-hash-map   | ConcurrentHashMap     | map",
        "skip-list-map         | ConcurrentSkipListMap | map",
        "weak-hash-map         | WeakHashMap           | map",
        "identity-hash-map     | IdentityHashMap       | map",
        "array-deque           | ArrayDeque            | queue",
        "linked-blocking-queue | LinkedBlockingQueue   | queue",
        "priority-queue        | PriorityQueue         | queue",
        "linked-list           | LinkedList            | queue",
        "hash-set              | HashSet               | set",
        "tree-set              | TreeSet               | set",
        "skip-list-set         | ConcurrentSkipListSet | set"})
    void jdkContainerThatOnlyGrowsIsTheTopSuspect(String mode, String words, String field) throws Exception {
        DiffResult.Suspect s = onlyTopReachesGate(diff(dir, JdkCollectionScenario.class, 3, mode));
        assertThat(s.kind()).isEqualTo("collection");
        assertThat(s.container()).isEqualTo(words);
        assertThat(s.path()).isEqualTo("static " + JdkCollectionScenario.class.getName() + "." + field);
        if (!mode.equals("identity-hash-map")) {
            assertThat(s.elements()).containsExactly(500, 2_000, 3_500);
        }
        assertThat(s.valueClass()).isEqualTo(JdkCollectionScenario.Payload.class.getName());
    }

    @Test
    void recordsSharedByManySmallListsBelongToTheIndex() throws Exception {
        DiffResult r = diff(dir, SharedRecordsScenario.class, 3);
        DiffResult.Suspect s = onlyTopReachesGate(r);
        assertThat(s.path()).startsWith("static " + SharedRecordsScenario.class.getName() + ".BY_TAG");
        assertThat(s.instances()).containsExactly(20, 20, 20);
        assertThat(s.elements()).containsExactly(900, 5_400, 9_900);
        assertThat(s.accumulates()).extracting(DiffResult.Accumulation::className)
                .contains(SharedRecordsScenario.Record.class.getName());
        assertThat(r.suspects()).noneMatch(x -> x.kind().equals("class"));
    }

    @Test
    void handMadeChainIsHeldByItsStatic() throws Exception {
        DiffResult r = diff(dir, ChainScenario.class, 3);
        DiffResult.Suspect s = onlyTopReachesGate(r);
        assertThat(s.kind()).isEqualTo("chain");
        assertThat(s.path()).isEqualTo("static " + ChainScenario.class.getName() + ".last");
        assertThat(s.elements()).containsExactly(200, 1_700, 3_200);
        assertThat(r.suspects()).noneMatch(x -> x.kind().equals("class"));
    }

    @Test
    void objectsNoContainerHoldsAreAClassSuspect() throws Exception {
        DiffResult.Suspect s = onlyTopReachesGate(diff(dir, RingScenario.class, 3));
        assertThat(s.kind()).isEqualTo("class");
        assertThat(s.containerClass()).isEqualTo(RingScenario.Node.class.getName());
        assertThat(s.elements()).containsExactly(201, 1_701, 3_201);
        assertThat(s.reasons().get(0)).startsWith("no collection, cache, array or chain holds most of the 3,000 new");
    }

    @Test
    void lazyClassLoadingIsNoSuspect() throws Exception {
        noSuspect(diff(dir, LazyClassLoadingScenario.class, 4));
    }

    @Test
    void smallSteadyLeakOverFourDumpsIsASuspect() throws Exception {
        DiffResult.Suspect s = onlyTopReachesGate(diff(dir, SteadySmallLeakScenario.class, 4));
        assertThat(s.path()).isEqualTo("static " + SteadySmallLeakScenario.class.getName() + ".AUDIT");
        assertThat(s.elements()).containsExactly(40, 80, 120, 160);
        assertThat(s.steady()).isTrue();
        assertThat(s.retainedBytes()[3] - s.retainedBytes()[0]).as("growth far below the size threshold")
                .isLessThan(64 * 1024);
        assertThat(s.growthBytesPerHour()).as("dumps under a minute apart: no hourly rate").isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "drivers        | JDBC driver registry (DriverManager)      | java.sql.DriverManager.registeredDrivers",
        "shutdown-hooks | shutdown hooks (Runtime.addShutdownHook)  | java.lang.ApplicationShutdownHooks.hooks",
        "log-handlers   | java.util.logging handlers                | java.util.logging.Logger$ConfigurationData.handlers",
        "timer          | Timer task queue                          | java.util.TimerThread.queue",
        "mbeans         | JMX MBean registry                        | com.sun.jmx.mbeanserver.Repository.domainTb"})
    void jdkRegistryThatOnlyGrowsIsTheTopSuspect(String mode, String words, String field) throws Exception {
        DiffResult.Suspect s = onlyTopReachesGate(diff(dir, JdkRegistryScenario.class, 3, mode));
        assertThat(s.container()).isEqualTo(words);
        assertThat(s.path()).contains(field);
        assertThat(s.elements()[2] - s.elements()[1]).isEqualTo(300);
        assertThat(s.elements()[1] - s.elements()[0]).isEqualTo(300);
    }

    @Test
    void analyzeNamesTheSameContainerAndHolderBesideMatsAccumulationPoint() throws Exception {
        String[] args = {"guava", dir.resolve("a.hprof").toString(), dir.resolve("b.hprof").toString()};
        ScenarioSupport.run(Path.of(System.getProperty("java.home"), "bin", "java"), LibraryCacheScenario.class, args);
        io.leakscan.analysis.HeapAnalysis a = io.leakscan.analysis.HeapAnalysis.of(
                io.leakscan.heap.HeapLoader.load(Path.of(args[2]), 0));
        io.leakscan.report.AnalyzeReport report = new io.leakscan.report.AnalyzeReportBuilder(a, 10)
                .build("b.hprof", java.util.List.of());
        io.leakscan.report.LeakSuspectEntry e = report.suspects().stream()
                .filter(x -> x.kind().equals("object")).findFirst().orElseThrow();
        assertThat(e.container()).startsWith("Guava cache (com.google.common.cache.LocalCache$LocalManualCache @ 0x");
        assertThat(e.entries()).isEqualTo(2_500L);
        assertThat(e.holder()).isEqualTo(CACHES);
        assertThat(e.accumulationPoint()).isNotNull();
    }
}

package io.leakscan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.diff.DiffResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real JVMs run scenarios that grow between three dumps; the top suspect must be the structure that
 * leaks, named by its holding path and kind. The control scenario must produce no suspect.
 */
class DiffScenarioTest {
    @TempDir
    Path dir;

    private DiffResult diff(Class<? extends GrowthScenario> scenario) throws Exception {
        return ScenarioDiffs.diff(dir, scenario, 3);
    }

    private static DiffResult.Suspect top(DiffResult r) {
        return ScenarioDiffs.onlyTopReachesGate(r);
    }

    @Test
    void unboundedCacheIsTheTopSuspect() throws Exception {
        DiffResult.Suspect s = top(diff(UnboundedCacheScenario.class));
        assertThat(s.kind()).isEqualTo("cache");
        assertThat(s.path()).isEqualTo("static " + UnboundedCacheScenario.class.getName() + ".RESPONSE_CACHE");
        assertThat(s.containerClass()).isEqualTo("java.util.HashMap");
        assertThat(s.elements()).containsExactly(500, 2_500, 4_500);
        assertThat(s.accumulates().get(0).className()).isEqualTo("byte[]");
        assertThat(s.reasons()).anyMatch(r -> r.startsWith("grew in every interval"));
    }

    @Test
    void listenersNeverRemovedAreTheTopSuspect() throws Exception {
        DiffResult.Suspect s = top(diff(ListenerScenario.class));
        assertThat(s.kind()).isEqualTo("listeners");
        assertThat(s.path()).isEqualTo("static " + ListenerScenario.class.getName() + ".BUS → "
                + ListenerScenario.EventBus.class.getName() + ".listeners");
        assertThat(s.containerClass()).isEqualTo("java.util.ArrayList");
        assertThat(s.elements()).containsExactly(100, 1_600, 3_100);
    }

    @Test
    void indexKeepingWholeRecordsIsTheTopSuspect() throws Exception {
        DiffResult.Suspect s = top(diff(RecordIndexScenario.class));
        assertThat(s.kind()).isEqualTo("collection");
        assertThat(s.path()).isEqualTo("static " + RecordIndexScenario.class.getName() + ".ORDERS_BY_ID");
        assertThat(s.containerClass()).isEqualTo("java.util.TreeMap");
        assertThat(s.elements()).containsExactly(300, 1_800, 3_300);
        assertThat(s.accumulates()).extracting(DiffResult.Accumulation::className)
                .contains(RecordIndexScenario.Order.class.getName(), "byte[]");
    }

    @Test
    void threadLocalValuesInPooledThreadsAreTheTopSuspect() throws Exception {
        DiffResult.Suspect s = top(diff(ThreadLocalScenario.class));
        assertThat(s.kind()).isEqualTo("thread-local");
        assertThat(s.path()).startsWith("java.lang.Thread \"pool-#-thread-#\" → java.lang.Thread.threadLocals")
                .endsWith("java.lang.ThreadLocal$ThreadLocalMap$Entry.value");
        assertThat(s.containerClass()).isEqualTo("java.util.ArrayList");
        assertThat(s.holder()).isEqualTo("ThreadLocal static " + ThreadLocalScenario.class.getName() + ".AUDIT_TRAIL");
        assertThat(s.elements()[2]).isEqualTo(60 + 900 + 900);
    }

    @Test
    void classLoadersThatPileUpAreTheTopSuspect() throws Exception {
        DiffResult r = diff(ClassLoaderScenario.class);
        DiffResult.Suspect s = top(r);
        assertThat(s.kind()).isEqualTo("class-loader");
        assertThat(s.path()).isEqualTo("static " + ClassLoaderScenario.class.getName() + ".ACTIVE_PLUGINS");
        assertThat(s.elements()).containsExactly(2, 42, 82);
        DiffResult.ClassDelta plugin = r.classes().stream()
                .filter(c -> c.className().equals(ClassLoaderScenario.Plugin.class.getName())).findFirst().orElseThrow();
        assertThat(plugin.loaders()).containsExactly(3, 43, 83); // the app loader's own copy plus one per deployment
    }

    @Test
    void steadyGrowthRanksAboveAOneOffJump() throws Exception {
        DiffResult r = diff(SteadyVersusJumpScenario.class);
        assertThat(r.suspects()).hasSizeGreaterThanOrEqualTo(2);
        ScenarioDiffs.onlyTopReachesGate(r); // the one-off jump is listed, below the gate
        assertThat(r.suspects().get(0).path()).endsWith(".STEADY");
        assertThat(r.suspects().get(1).path()).endsWith(".WARMUP");
    }

    @Test
    void boundedCacheChurnedGarbageAndStableDataAreNoSuspects() throws Exception {
        DiffResult r = diff(ControlScenario.class);
        assertThat(r.suspects()).as("suspects of a heap that does not leak").isEmpty();
    }
}

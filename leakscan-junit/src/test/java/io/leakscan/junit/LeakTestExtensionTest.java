package io.leakscan.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Leaking services run through the extension (JUnit launcher, this JVM): each fails with diff's suspect text. */
class LeakTestExtensionTest {
    static final String SERVICES = Services.class.getName();

    @TempDir
    Path reports;

    @BeforeEach
    void reportsHere() {
        System.setProperty("leakscan.junit.reports", reports.toString());
    }

    @AfterEach
    void reportsBack() {
        System.clearProperty("leakscan.junit.reports");
    }

    @Test
    void anUnboundedCacheFailsWithTheCacheNamedAndKeepsItsDumps() throws Exception {
        String message = failure("unboundedCache");
        assertThat(message).contains("LeakingScenarios.unboundedCache leaks")
                .contains("static " + SERVICES + "$UnboundedCache.RESPONSES")
                .contains("grew in every interval (3 of 3)").contains("entries ");
        List<Path> dumps = keptDumps(message);
        assertThat(dumps).hasSize(4).allSatisfy(p -> assertThat(p).isRegularFile());
        JsonNode json = new ObjectMapper().readTree(reports.resolve("leakscan-LeakingScenarios.unboundedCache.json").toFile());
        assertThat(json.get("suspects").get(0).get("path").asText()).isEqualTo("static " + SERVICES + "$UnboundedCache.RESPONSES");
        assertThat(json.get("suspects").get(0).get("steady").asBoolean()).isTrue();
        delete(dumps);
    }

    @Test
    void listenersNeverRemovedFail() throws Exception {
        String message = failure("listenersNeverRemoved");
        assertThat(message).contains("static " + SERVICES + "$EventBus.LISTENERS").contains("grew in every interval");
        delete(keptDumps(message));
    }

    @Test
    void aThreadLocalInAPoolFails() throws Exception {
        String message = failure("threadLocalInAPoolNeverCleared");
        assertThat(message).contains("TRAIL").contains("grew in every interval");
        delete(keptDumps(message));
    }

    @Test
    void theChildJvmAnalysisGivesTheSameVerdict() throws Exception {
        String message = failure("unboundedCacheAnalysedInAChildJvm");
        assertThat(message).contains("static " + SERVICES + "$UnboundedCache.RESPONSES").contains("grew in every interval (2 of 2)");
        delete(keptDumps(message));
    }

    @Test
    void anIgnoredPathPasses() {
        TestExecutionSummary summary = run("unboundedCacheIgnoredByPath");
        assertThat(summary.getTestsSucceededCount()).as(summary.getFailures().toString()).isEqualTo(1);
        assertThat(reports).isEmptyDirectory();
    }

    @Test
    void anIgnoredClassPasses() {
        TestExecutionSummary summary = run("unboundedCacheIgnoredByClass");
        assertThat(summary.getTestsSucceededCount()).as(summary.getFailures().toString()).isEqualTo(1);
    }

    @Test
    void maxGrowthFailsEvenWhenEverySuspectIsIgnored() throws Exception {
        String message = failure("heapGrowthPastMaxGrowth");
        assertThat(message).contains("heapGrowthPastMaxGrowth crossed a limit").contains("FAIL  max-growth (64KiB)");
        delete(keptDumps(message));
    }

    @Test
    void autoAnalysesInAChildJvmOnlyWhenTheTestHeapIsTooTight() {
        long needed = io.leakscan.cli.MemoryBudget.heapNeededBytes(8L << 20); // an 8 MiB test-heap dump
        assertThat(LeakCheck.inChild(LeakTest.Analysis.AUTO, needed, needed - 1)).isTrue();
        assertThat(LeakCheck.inChild(LeakTest.Analysis.AUTO, needed, needed)).isFalse();
        assertThat(LeakCheck.inChild(LeakTest.Analysis.IN_PROCESS, needed, 0)).isFalse();
        assertThat(LeakCheck.inChild(LeakTest.Analysis.CHILD_JVM, needed, Long.MAX_VALUE)).isTrue();
    }

    private String failure(String method) {
        TestExecutionSummary summary = run(method);
        assertThat(summary.getTestsFailedCount()).as(method + " fails").isEqualTo(1);
        Throwable t = summary.getFailures().get(0).getException();
        assertThat(t).isInstanceOf(AssertionError.class);
        return t.getMessage();
    }

    private static TestExecutionSummary run(String method) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(LeakingScenarios.class, method)).build(), listener);
        return listener.getSummary();
    }

    private static List<Path> keptDumps(String message) {
        Matcher m = Pattern.compile("\\(leakscan diff ([^)]*)\\)").matcher(message);
        assertThat(m.find()).as("the message names the dumps").isTrue();
        return java.util.Arrays.stream(m.group(1).split(" ")).map(Path::of).toList();
    }

    private static void delete(List<Path> dumps) throws Exception {
        for (Path p : dumps) {
            Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dumps.get(0).getParent());
    }
}

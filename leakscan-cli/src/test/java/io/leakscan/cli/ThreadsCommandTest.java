package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakscan.scenario.ScenarioSupport;
import io.leakscan.scenario.ThreadsScenario;
import io.leakscan.testutil.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code leakscan threads} on a real JVM's dump (this JDK and a newer one when installed). */
class ThreadsCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.leakscan.scenario.ScenarioSupport#javaLaunchers")
    void aWaitingThreadShowsItsStackItsLocalAndItsThreadLocal(Path java) throws Exception {
        Path dump = dir.resolve("threads.hprof");
        ScenarioSupport.run(java, ThreadsScenario.class, dump.toString());
        JsonNode r = InspectCommandTest.json("threads", dump.toString(), "--format", "json");
        JsonNode worker = null;
        for (JsonNode t : r.get("threads")) {
            if (ThreadsScenario.NAME.equals(t.get("name").asText())) {
                worker = t;
            }
        }
        assertThat(worker).as("the scenario's thread").isNotNull();
        assertThat(worker.get("state").asText()).isEqualTo("WAITING");
        assertThat(worker.get("frames").toString()).contains("io.leakscan.scenario.ThreadsScenario.hold(ThreadsScenario.java:");
        JsonNode biggestLocal = worker.get("locals").get(0);
        assertThat(biggestLocal.get("object").get("className").asText()).isEqualTo("byte[]");
        assertThat(biggestLocal.get("object").get("object").asText()).startsWith("byte[" + ThreadsScenario.LOCAL_BYTES + "]");
        assertThat(biggestLocal.get("method").asText()).isEqualTo("io.leakscan.scenario.ThreadsScenario.hold");
        assertThat(worker.get("frames").get(biggestLocal.get("frame").asInt()).asText())
                .startsWith("io.leakscan.scenario.ThreadsScenario.hold(");
        JsonNode value = worker.get("threadLocalValues").get(0);
        assertThat(value.get("object").asText()).startsWith("byte[" + ThreadsScenario.THREAD_LOCAL_BYTES + "]");
        // the thread retains both arrays
        assertThat(worker.get("object").get("retainedBytes").asLong())
                .isGreaterThan((long) ThreadsScenario.LOCAL_BYTES + ThreadsScenario.THREAD_LOCAL_BYTES);
        // biggest retained first
        JsonNode threads = r.get("threads");
        assertThat(threads.get(0).get("name").asText()).isEqualTo(ThreadsScenario.NAME);
        for (int i = 1; i < threads.size(); i++) {
            assertThat(threads.get(i).get("object").get("retainedBytes").asLong())
                    .isLessThanOrEqualTo(threads.get(i - 1).get("object").get("retainedBytes").asLong());
        }
    }

    @Test
    void helpAndOldDumps() throws Exception {
        CliRun help = CliRun.of("threads", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("ThreadLocal").contains("Exit codes:");
        // a JDK 5 dump: Thread.name is a char[] there
        JsonNode r = InspectCommandTest.json("threads", "testdata/sun_jdk5_64bit.hprof.gz", "--format", "json");
        assertThat(r.get("threads").findValuesAsText("name")).contains("main");
    }
}

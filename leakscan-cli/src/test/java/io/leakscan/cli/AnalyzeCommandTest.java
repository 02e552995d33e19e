package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakscan.testutil.CliRun;
import org.junit.jupiter.api.Test;

/** {@code leakscan analyze} end to end on real dumps shipped in testdata/. */
class AnalyzeCommandTest {
    static final String COMPRESSED = "testdata/sun_jdk6_30_x64_compressedOops.hprof.gz";

    @Test
    void textReportShowsSummarySuspectsDominatorsAndHistogram() {
        CliRun run = CliRun.of("analyze", COMPRESSED, "--top", "10");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("2,804 in 349 classes, 322 GC roots")
                .contains("201,272 bytes")
                .contains("compressed oops")
                .contains("Leak suspects")
                .contains("class java.lang.System @ 0x77ca30938")
                // a readable path from a GC root, with static and field names
                .contains("static java.io.File.fs → java.io.WinNTFileSystem.cache → java.io.ExpiringCache.map")
                .contains("Class histogram by retained size (top 10)");
    }

    @Test
    void jsonReportHasTheDocumentedFieldsAndMatNumbers() throws Exception {
        CliRun run = CliRun.of("analyze", COMPRESSED, "--format", "json", "--top", "0");
        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode s = json.get("snapshot");
        assertThat(s.get("objects").asLong()).isEqualTo(2804);
        assertThat(s.get("classes").asInt()).isEqualTo(349);
        assertThat(s.get("gcRoots").asInt()).isEqualTo(322);
        assertThat(s.get("usedHeapBytes").asLong()).isEqualTo(201_272);
        assertThat(s.get("unreachableObjects").asLong()).isEqualTo(1548);
        assertThat(s.get("idSize").asInt()).isEqualTo(8);
        assertThat(s.get("formatVersion").asText()).isEqualTo("JAVA PROFILE 1.0.1");
        assertThat(s.get("timestamp").asText()).isEqualTo("2012-02-01T17:31:45.661Z");
        assertThat(json.get("histogram")).hasSize(349);
        JsonNode first = json.get("histogram").get(0);
        assertThat(first.get("className").asText()).isEqualTo("java.lang.Class");
        assertThat(first.get("retainedBytes").asLong()).isEqualTo(167_440);
        assertThat(json.get("suspects").get(0).get("retainedBytes").asLong()).isEqualTo(61_344);
        assertThat(json.get("dominators").get(0).get("pathFromGcRoot")).isNotEmpty();
    }

    @Test
    void allDominatorsAreListedButOnlyTheFirstHundredWithPaths() throws Exception {
        CliRun run = CliRun.of("analyze", "testdata/leaky-service-after.hprof.gz", "--format", "json", "--top", "0");
        assertThat(run.exitCode()).isZero();
        JsonNode dominators = new ObjectMapper().readTree(run.out()).get("dominators");
        assertThat(dominators.size()).isGreaterThan(io.leakscan.report.AnalyzeReportBuilder.MAX_DOMINATOR_PATHS);
        for (int i = 0; i < dominators.size(); i++) {
            JsonNode path = dominators.get(i).get("pathFromGcRoot");
            if (i < io.leakscan.report.AnalyzeReportBuilder.MAX_DOMINATOR_PATHS) {
                assertThat(path).as("path of dominator %d", i).isNotEmpty();
                // a path ends at its dominator
                assertThat(path.get(path.size() - 1).get("object").asText())
                        .isEqualTo(dominators.get(i).get("object").get("object").asText());
            } else {
                assertThat(path).as("path of dominator %d", i).isEmpty();
            }
        }
        // ordered by retained size, biggest first, over the whole list
        for (int i = 1; i < dominators.size(); i++) {
            assertThat(dominators.get(i).get("object").get("retainedBytes").asLong())
                    .isLessThanOrEqualTo(dominators.get(i - 1).get("object").get("retainedBytes").asLong());
        }
    }

    @Test
    void fileWithSeveralDumpsAsksWhichOne() {
        CliRun run = CliRun.of("analyze", "testdata/sun_jdk6_31_hprofagent_compressedOops.hprof.gz");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("holds 2 heap dumps").contains("#1").contains("#2").contains("--snapshot");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");

        CliRun second = CliRun.of("analyze", "testdata/sun_jdk6_31_hprofagent_compressedOops.hprof.gz",
                "--snapshot", "2", "--format", "json");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("\"objects\" : 2508").contains("\"heapDump\" : 2");
    }

    @Test
    void helpDocumentsExitCodesAndUsageErrorsExitWith2() {
        CliRun help = CliRun.of("analyze", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Exit codes:").contains("3   unreadable or corrupt input, a truncated dump with --strict")
                .contains("0   success; a truncated dump is analysed up to the cut");
        CliRun bad = CliRun.of("analyze", COMPRESSED, "--no-such-option");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("Unknown option");
        assertThat(CliRun.of("analyze").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("analyze", COMPRESSED, "--top", "-1").exitCode()).isEqualTo(2);
    }
}

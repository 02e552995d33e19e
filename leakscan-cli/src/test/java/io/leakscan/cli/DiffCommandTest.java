package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakscan.testutil.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leakscan diff} end to end on the dump pair shipped in testdata/ (the README's first command). */
class DiffCommandTest {
    static final String BEFORE = "testdata/leaky-service-before.hprof.gz";
    static final String AFTER = "testdata/leaky-service-after.hprof.gz";
    static final String SCENARIO = "io.leakscan.scenario.LeakyServiceScenario";

    @TempDir
    Path dir;

    @Test
    void textPutsTheSessionCacheFirstAndFitsOnOneScreen() {
        CliRun run = CliRun.of("diff", BEFORE, AFTER);
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        String out = run.out();
        assertThat(out).contains("Heap grew by");
        int cache = out.indexOf("held by static " + SCENARIO + ".SESSION_CACHE");
        int listeners = out.indexOf("held by static " + SCENARIO + ".LOGIN_LISTENERS");
        assertThat(cache).isPositive();
        assertThat(listeners).isGreaterThan(cache);
        assertThat(out).contains("1. cache: HashMap used as a cache").contains("2. listeners: ArrayList of listeners");
        assertThat(out).contains("entries 400 → 1,400").contains("fix: ");
        assertThat(out.lines().count()).as("one screen").isLessThanOrEqualTo(50);
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        CliRun run = CliRun.of("diff", BEFORE, AFTER, "--format", "json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("snapshots")).hasSize(2);
        JsonNode s = json.get("suspects").get(0);
        assertThat(s.get("rank").asInt()).isEqualTo(1);
        assertThat(s.get("kind").asText()).isEqualTo("cache");
        assertThat(s.get("path").asText()).isEqualTo("static " + SCENARIO + ".SESSION_CACHE");
        assertThat(s.get("containerClass").asText()).isEqualTo("java.util.HashMap");
        assertThat(s.get("elements").get(0).asLong()).isEqualTo(400);
        assertThat(s.get("elements").get(1).asLong()).isEqualTo(1400);
        assertThat(s.get("retainedBytes")).hasSize(2);
        assertThat(s.get("growthBytesPerHour").isNull()).as("dumps taken under a minute apart: no hourly rate").isTrue();
        assertThat(s.get("container").asText()).isEqualTo("HashMap used as a cache");
        assertThat(s.get("keyClass").asText()).isEqualTo("java.lang.String");
        assertThat(s.get("fix").asText()).isNotEmpty();
        assertThat(s.get("accumulates").get(0).get("className").asText()).isEqualTo("byte[]");
        assertThat(s.get("shareOfGrowth").asDouble()).isBetween(0.5, 1.0);
        assertThat(s.get("score").asInt()).isBetween(0, 100);
        assertThat(s.get("reasons")).isNotEmpty();
        JsonNode firstClass = json.get("classes").get(0);
        assertThat(firstClass.get("instances")).hasSize(2);
        assertThat(firstClass.get("retainedBytes")).hasSize(2);
    }

    @Test
    void displayOptionsNeverChangeTheGateVerdicts() {
        for (int score = 0; score <= 100; score += 10) {
            CliRun plain = CliRun.of("diff", BEFORE, AFTER, "--fail-on-suspects", String.valueOf(score));
            for (String[] display : new String[][] {{"--all"}, {"--top", "1"}, {"--sort", "instances"},
                {"--format", "json"}, {"--all", "--format", "markdown"}}) {
                String[] args = new String[5 + display.length];
                System.arraycopy(new String[] {"diff", BEFORE, AFTER, "--fail-on-suspects", String.valueOf(score)}, 0,
                        args, 0, 5);
                System.arraycopy(display, 0, args, 5, display.length);
                CliRun shown = CliRun.of(args);
                assertThat(shown.exitCode()).as(String.join(" ", args)).isEqualTo(plain.exitCode());
            }
        }
    }

    @Test
    void badArgumentsAndBadDumps() throws Exception {
        assertThat(CliRun.of("diff", BEFORE).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("diff", BEFORE, AFTER, "--sort", "colour").exitCode()).isEqualTo(2);
        Path junk = Files.writeString(dir.resolve("junk.hprof"), "JAVA PROFILE 1.0.2 but not really");
        CliRun bad = CliRun.of("diff", BEFORE, junk.toString());
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.err()).contains("junk.hprof").doesNotContain("\tat ");
    }

    @Test
    void helpListsTheGatesAndExitCodes() {
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        System.setErr(new java.io.PrintStream(stderr, true));
        CliRun help;
        try {
            help = CliRun.of("diff", "--help");
        } finally {
            System.setErr(saved);
        }
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--max-growth").contains("5% of").contains("--fail-on-suspects")
                .contains("1   a gate was crossed")
                .contains("--allow-partial").contains("a truncated dump with --strict or with gates")
                .contains("0   success; a truncated dump is analysed up to the cut");
        assertThat(stderr.toString()).as("picocli format warnings").doesNotContain("WARN");
    }

    @Test
    void dumpsGivenOutOfTimeOrderAreFlagged() {
        CliRun run = CliRun.of("diff", AFTER, BEFORE);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("WARNING: dump 2").contains("was taken before dump 1");
    }
}

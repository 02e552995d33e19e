package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leakscan.scenario.AttachTargetScenario;
import io.leakscan.scenario.RunningScenario;
import io.leakscan.scenario.ScenarioSupport;
import io.leakscan.testutil.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code capture} and {@code watch} attached to real child JVMs (the running JDK 17 and any JDK 21+ beside it). */
class CaptureCommandTest {
    static final String HOLDER = "static " + AttachTargetScenario.class.getName() + ".SESSIONS";
    static final List<String> TARGET_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    static List<Path> launchers() {
        return ScenarioSupport.javaLaunchers();
    }

    @ParameterizedTest
    @MethodSource("launchers")
    void captureTakesGzipDumpsNamedByPidAndReportsTheGrowingCache(Path java) throws Exception {
        try (RunningScenario target = RunningScenario.start(java, TARGET_OPTIONS, AttachTargetScenario.class)) {
            CliRun run = CliRun.of("capture", Long.toString(target.pid()), "--count", "3", "--every", "700ms",
                    "--out", dir.toString(), "--fail-on-suspects");
            assertThat(run.err()).contains("dump 3/3:").contains("was paused about");
            List<Path> dumps = files(dir);
            assertThat(dumps).hasSize(3).allSatisfy(p -> {
                assertThat(p.getFileName().toString()).matches("leakscan-" + target.pid() + "-\\d{8}T\\d{6}Z(-\\d+)?\\.hprof\\.gz");
                assertThat(gzipMagic(p)).as("written gzip by the JVM").isTrue();
            });
            assertThat(run.out()).contains(HOLDER).contains("grew in every interval (2 of 2)");
            assertThat(run.exitCode()).as("the suspect crosses --fail-on-suspects, as with diff").isEqualTo(1);
        }
    }

    @Test
    void watchReportsAfterEachDumpAndKeepsOnlyTheFirstAndLatest() throws Exception {
        Path java = ScenarioSupport.javaLaunchers().get(ScenarioSupport.javaLaunchers().size() - 1);
        try (RunningScenario target = RunningScenario.start(java, TARGET_OPTIONS, AttachTargetScenario.class)) {
            CliRun run = CliRun.of("watch", Long.toString(target.pid()), "--count", "3", "--every", "500ms",
                    "--keep", "2", "--gzip", "0", "--all-objects", "--out", dir.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("── after dump 2").doesNotContain("── after dump 3");
            List<Path> kept = files(dir);
            assertThat(kept).hasSize(2).allSatisfy(p -> assertThat(p.toString()).endsWith(".hprof"));
            assertThat(run.err()).contains("removed ").contains("--keep 2");
            // The final report still covers all three dumps (their summaries outlive the removed file).
            assertThat(run.out().lines().filter(l -> l.matches("^[123]  \\d{4}-.*")).count()).isGreaterThanOrEqualTo(3);
            assertThat(run.out()).contains(HOLDER).contains("grew in every interval (2 of 2)");
        }
    }

    @Test
    void aProcessThatIsNotAJvmIsRefusedWithExit3() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            CliRun run = CliRun.of("capture", Long.toString(sleep.pid()), "--out", dir.toString());
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("process " + sleep.pid() + " is not a JVM (sleep 60)");
            assertThat(files(dir)).isEmpty();
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void aJvmWithAttachDisabledIsRefusedWithExit3() throws Exception {
        List<String> options = new ArrayList<>(TARGET_OPTIONS);
        options.add("-XX:+DisableAttachMechanism");
        try (RunningScenario target = RunningScenario.start(ScenarioSupport.javaLaunchers().get(0), options,
                AttachTargetScenario.class)) {
            CliRun run = CliRun.of("capture", Long.toString(target.pid()), "--out", dir.toString());
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("runs with -XX:+DisableAttachMechanism");
        }
    }

    @Test
    void aProcessThatDoesNotExistIsRefusedWithExit3() {
        CliRun run = CliRun.of("capture", "2147483646", "--out", dir.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("no process 2147483646 is visible here");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(CliRun.of("capture", "1", "--every", "soon").err()).contains("--every takes a duration");
        assertThat(CliRun.of("capture", "1", "--keep", "1").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("watch", "1", "--gzip", "10").exitCode()).isEqualTo(2);
    }

    @Test
    void aDumpTheDiskCannotHoldIsRefusedBeforeItIsTaken() {
        long usedHeap = 8L << 30;
        assertThatThrownBy(() -> DumpSeries.checkFreeSpace(dir, 3L << 30, usedHeap, 0))
                .hasMessageContaining("not enough free space in " + dir)
                .hasMessageContaining("3,072 MiB free").hasMessageContaining("needs about 8,192 MiB");
        // gzip needs about half: 5 GiB is then enough for 8 GiB of heap, 3 GiB is not.
        DumpSeries.checkFreeSpace(dir, 5L << 30, usedHeap, 1);
        assertThatThrownBy(() -> DumpSeries.checkFreeSpace(dir, 3L << 30, usedHeap, 1)).hasMessageContaining("(gzip)");
    }

    @Test
    void stoppingDuringADumpKeepsTheCompleteDumpsAndRemovesThePartialOne() throws Exception {
        Path java = ScenarioSupport.javaLaunchers().get(0);
        // 200 MiB of small objects: a plain dump of all objects takes long enough to be caught writing.
        try (RunningScenario target = RunningScenario.start(java, List.of("-Xmx512m", "-XX:+UseSerialGC"),
                AttachTargetScenario.class, "ballast", "200")) {
            List<String> cmd = List.of(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "capture", Long.toString(target.pid()), "--count", "5", "--every", "100ms",
                    "--gzip", "0", "--all-objects", "--out", dir.toString());
            Process capture = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // Wait (bounded) until one dump is complete and the next is being written, then stop as Ctrl-C would.
            boolean caught = false;
            for (int i = 0; i < 60_000 && capture.isAlive() && !caught; i++) {
                List<Path> now = files(dir);
                caught = now.stream().anyMatch(p -> p.toString().endsWith(".hprof"))
                        && now.stream().anyMatch(p -> p.toString().endsWith(".part"));
                if (!caught) {
                    Thread.sleep(5);
                }
            }
            assertThat(caught).as("saw a complete dump and a partial one").isTrue();
            capture.destroy(); // SIGTERM: the shutdown hooks run, as on SIGINT
            assertThat(capture.waitFor(60, TimeUnit.SECONDS)).isTrue();
            List<Path> left = files(dir);
            assertThat(left).isNotEmpty().noneMatch(p -> p.toString().endsWith(".part"));
            assertThat(left).allSatisfy(p -> assertThat(Files.size(p)).isGreaterThan(100L << 20));
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static boolean gzipMagic(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            return false;
        }
    }
}

package io.leakscan.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.leakscan.testutil.CliRun;
import io.leakscan.testutil.WorkMeter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the reader and the whole {@code analyze} pipeline with Jazzer. Whatever the
 * bytes, leakscan must answer with success (0) or "bad input" (3) — never an internal error, never a
 * stack trace, never running out of memory on a small file.
 *
 * <p>Without {@code JAZZER_FUZZ=1} (every normal test run) this replays the seeds and every crash ever
 * found, kept in {@code leakscan-cli/src/test/resources/io/leakscan/fuzz/AnalyzeFuzzTestInputs/}. How to
 * fuzz for real: {@code docs/fuzzing.md}.
 */
class AnalyzeFuzzTest {
    private static Path dir;
    private static Path dump;

    @BeforeAll
    static void scratch() throws IOException {
        dir = Files.createTempDirectory("leakscan-fuzz");
        dump = dir.resolve("input.hprof");
        // Once before measuring: loading and initialising leakscan's classes is not work on the input.
        Files.write(dump, io.leakscan.testutil.TinyDumps.linkedNodes().toBytes());
        CliRun.of("analyze", dump.toString(), "--top", "3");
    }

    @AfterAll
    static void clean() throws IOException {
        Files.deleteIfExists(dump);
        Files.deleteIfExists(dir);
    }

    /** The short run CI does (JAZZER_FUZZ=1); without it, a regression test over the kept inputs. */
    @FuzzTest(maxDuration = "60s")
    void analyze(byte[] input) throws IOException {
        check(input);
    }

    /**
     * The long run (docs/fuzzing.md): {@code JAZZER_FUZZ=1 mvn test -Dtest='AnalyzeFuzzTest#analyzeLong'
     * -Dsurefire.failIfNoSpecifiedTests=false} (the other modules have no such test).
     */
    @FuzzTest(maxDuration = "30m")
    void analyzeLong(byte[] input) throws IOException {
        check(input);
    }

    private static void check(byte[] input) throws IOException {
        Files.write(dump, input);
        WorkMeter.Measured<CliRun> measured = WorkMeter.measure(() -> CliRun.of("analyze", dump.toString(), "--top", "3"));
        CliRun run = measured.result();
        // Work stays proportional to the data, whatever the bytes claim: a fixed 128 MiB (the reading window,
        // the first index arrays, the threads and waste sections' tables) plus 1 KiB per input byte, where a
        // small input needs about 20 MiB in all and a runaway count would claim gigabytes. (64 MiB was hit
        // by 0.12 % under Jazzer's fuzzing instrumentation once analyze gained its sections.)
        assertThat(measured.work().allocatedBytes()).as("bytes allocated for %d bytes", input.length)
                .isLessThan((128L << 20) + 1024L * input.length);
        assertThat(run.exitCode()).as(run.err()).isIn(0, 3);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("internal error");
        if (run.exitCode() == 3) {
            assertThat(run.err()).contains(dump.getFileName().toString());
        }
    }
}

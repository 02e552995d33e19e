package io.leakscan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump beyond leakscan's limits stops while it is read, with one line naming the file, what was
 * counted and the limit, and exit code 6: never an overflowed index and exit 5 minutes later. The
 * limits (2^31 − 1 objects; references in one Java array) are lowered through their system properties
 * so that a small shipped dump crosses them.
 */
class LimitsIT {
    private static final String DUMP = "testdata/sun_jdk5_64bit.hprof.gz";

    @TempDir
    Path dir;

    @Test
    void tooManyObjectsExitsSixWithOneLine() throws Exception {
        JarRun run = JarRun.withJvmOptions(List.of("-Dleakscan.limit.objects=1000"), dir, "analyze", DUMP);
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains(DUMP).contains("objects").contains("at most 1,000").doesNotContain("Exception");
    }

    @Test
    void tooManyReferencesExitsSixWithOneLine() throws Exception {
        JarRun run = JarRun.withJvmOptions(List.of("-Dleakscan.limit.references=500"), dir, "analyze", DUMP);
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("references").contains("at most 500").doesNotContain("\tat ");
    }

    @Test
    void underTheLimitsTheSameDumpIsAnalysed() throws Exception {
        JarRun run = JarRun.withJvmOptions(List.of("-Dleakscan.limit.objects=1000000"), dir, "analyze", DUMP,
                "--format", "json", "--top", "1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"objects\"");
    }
}

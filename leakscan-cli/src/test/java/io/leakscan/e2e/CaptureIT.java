package io.leakscan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.leakscan.scenario.AttachTargetScenario;
import io.leakscan.scenario.RunningScenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capture} from the packaged jar, run as another user than the target JVM's. */
class CaptureIT {
    @TempDir
    Path dir;

    @Test
    void aJvmOfAnotherUserIsRefusedWithExit3AndTheReason() throws Exception {
        // Needs root (to run leakscan as 'nobody') and runuser: true on CI and the developers' machines.
        assumeTrue("root".equals(System.getProperty("user.name")) && (Files.isExecutable(Path.of("/usr/sbin/runuser"))
                || Files.isExecutable(Path.of("/sbin/runuser"))), "needs root and runuser");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.copy(JarRun.JAR, dir.resolve("leakscan.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (RunningScenario target = RunningScenario.start(java, List.of("-Xmx64m"), AttachTargetScenario.class)) {
            Path log = dir.resolve("capture.log");
            Process p = new ProcessBuilder(List.of("runuser", "-u", "nobody", "--", java.toString(), "-jar", jar.toString(),
                    "capture", Long.toString(target.pid()), "--out", "/tmp"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(output).isEqualTo(3);
            assertThat(output).contains("process " + target.pid() + " belongs to user root, and leakscan runs as nobody")
                    .doesNotContain("Exception");
        }
    }
}

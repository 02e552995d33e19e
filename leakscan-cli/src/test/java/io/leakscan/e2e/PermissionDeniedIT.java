package io.leakscan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.testutil.TinyDumps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump the user may not read (jcmd writes mode 0600, owned by the JVM's user) says "permission denied",
 * exit 3, no offset. Run as another user than the file's owner: as root (which reads everything) the
 * jar runs as {@code nobody} through {@code setpriv}; as anyone else the file is simply made unreadable.
 */
class PermissionDeniedIT {
    @TempDir
    Path dir;

    @Test
    void anUnreadableDumpSaysPermissionDenied() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dump = TinyDumps.linkedNodes().writeTo(dir.resolve("jcmd.hprof"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.setPosixFilePermissions(dump, PosixFilePermissions.fromString(root ? "rw-------" : "---------"));
        List<String> cmd = new ArrayList<>();
        if (root) {
            assertThat(Path.of("/usr/bin/setpriv")).as("setpriv, to run as another user than root").exists();
            cmd.addAll(List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-Xmx256m", "-jar", JarRun.JAR.toAbsolutePath().toString(), "analyze", dump.toString()));
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stderr).isEqualTo(3);
        assertThat(stderr).contains("jcmd.hprof: permission denied").doesNotContain("offset").doesNotContain("\tat ");
        assertThat(stderr.strip().lines().count()).isEqualTo(1);
    }
}

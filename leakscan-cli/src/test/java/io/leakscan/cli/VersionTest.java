package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.testutil.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --version} prints the version the build was made from, not "dev". */
class VersionTest {
    @Test
    void versionIsThePomsVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>leakscan</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("leakscan " + m.group(1));
    }
}

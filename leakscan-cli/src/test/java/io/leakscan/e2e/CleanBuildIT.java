package io.leakscan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A healthy build prints no warnings (maven-shade's "overlapping resources" made it look broken). Builds
 * a copy of the project's poms and main sources (every module) in a temporary folder, so the jar under test
 * is untouched.
 */
class CleanBuildIT {
    /** The root pom's modules: the engine, the CLI (whose shaded jar lands in the root's target/), the extension. */
    static final List<String> MODULES = List.of("leakscan-core", "leakscan-cli", "leakscan-junit");

    @TempDir
    Path dir;

    @Test
    void packagingPrintsNoWarnings() throws Exception {
        Files.copy(Path.of("pom.xml"), dir.resolve("pom.xml"));
        for (String module : MODULES) {
            Files.createDirectories(dir.resolve(module));
            Files.copy(Path.of(module, "pom.xml"), dir.resolve(module).resolve("pom.xml"));
            copyTree(Path.of(module, "src", "main"), dir.resolve(module).resolve("src").resolve("main"));
        }
        Path log = dir.resolve("build.log");
        Process p = new ProcessBuilder(List.of("mvn", "-B", "-Dstyle.color=never", "-DskipTests", "package"))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("BUILD SUCCESS");
        assertThat(output.lines().filter(l -> l.startsWith("[WARNING]") || l.startsWith("[WARN]")))
                .as("warnings in a clean build").isEmpty();
        assertThat(dir.resolve("target").resolve("leakscan.jar")).exists();
        // The JUnit extension is its own module's artifact, and not part of the CLI jar.
        assertThat(dir.resolve("leakscan-junit").resolve("target").resolve("leakscan-junit.jar")).exists();
        try (java.util.zip.ZipFile cli = new java.util.zip.ZipFile(dir.resolve("target").resolve("leakscan.jar").toFile())) {
            assertThat(cli.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.startsWith("io/leakscan/junit/")))
                    .isEmpty();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}

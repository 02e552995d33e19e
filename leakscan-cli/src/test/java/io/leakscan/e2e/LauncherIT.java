package io.leakscan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/leakscan} run as a user runs it: through a symlink in PATH, from another folder. */
class LauncherIT {
    static final Path LAUNCHER = Path.of("bin", "leakscan").toAbsolutePath();
    static final String DUMP = Path.of("testdata", "sun_jdk6_30_x64_compressedOops.hprof.gz").toAbsolutePath().toString();

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    private Run run(Path script, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(script.toString());
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("launcher timed out: " + cmd);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Path linkInPath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("path-bin"));
        return Files.createSymbolicLink(bin.resolve("leakscan"), LAUNCHER);
    }

    @Test
    void worksWhenSymlinkedIntoPathAndRunFromAnotherFolder() throws Exception {
        Path link = linkInPath();
        Run version = run(link, Map.of(), "--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out().strip()).isEqualTo("leakscan " + pomVersion());
        Run analyze = run(link, Map.of(), "analyze", DUMP, "--top", "3");
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        assertThat(analyze.out()).contains("2,804 in 349 classes");
    }

    @Test
    void heapIsAcceptedAnywhereOnTheLine() throws Exception {
        Path link = linkInPath();
        for (List<String> args : List.of(List.of("--heap", "300m", "analyze", DUMP, "--top", "1"),
                List.of("analyze", DUMP, "--heap", "300m", "--top", "1"),
                List.of("analyze", DUMP, "--top", "1", "--heap=300m"))) {
            Run r = run(link, Map.of("JAVA_OPTS", "-XshowSettings:vm"), args.toArray(String[]::new));
            assertThat(r.exitCode()).as(args + ": " + r.err()).isZero();
            assertThat(r.err()).as(args.toString()).contains("Max. Heap Size: 300.00M");
        }
    }

    /**
     * The heap the launcher picks follows docs/memory.md's rule: objects at most one per 45 bytes of dump
     * (gzip dumps six times their size), 105 bytes of heap each, plus 256 MiB. Checked with a stand-in
     * java that prints its options, on sparse files (no disk used, nothing analysed).
     */
    @Test
    void automaticHeapFollowsTheDocumentedRule() throws Exception {
        Path fakeHome = Files.createDirectories(dir.resolve("fake-jdk/bin"));
        Path fakeJava = fakeHome.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in -Xmx*) echo \"$a\";; esac; done\n");
        fakeJava.toFile().setExecutable(true);
        long plain = 2L << 30;
        long gz = 100L << 20;
        Path big = sparse("big.hprof", plain);
        Path small = sparse("small.hprof.gz", gz);
        Map<String, String> env = Map.of("JAVA_HOME", fakeHome.getParent().toString(), "JAVA_OPTS", "");
        // Only where the rule stays under the cap (80% of this machine's memory).
        long capMiB = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(0) * 80 / 100;
        // A dump given through a symbolic link is sized by what it points to.
        Path link = Files.createSymbolicLink(dir.resolve("link.hprof"), big);
        for (var c : List.of(Map.entry(big, plain), Map.entry(small, gz * 6), Map.entry(link, plain))) {
            long expectedMiB = Math.max(512, Math.min(capMiB, c.getValue() / 45 * 105 / (1 << 20) + 256));
            Run r = run(LAUNCHER, env, "analyze", c.getKey().toString());
            assertThat(r.out().strip()).as(c.getKey() + ": " + r.err()).isEqualTo("-Xmx" + expectedMiB + "m");
        }
    }

    private Path sparse(String name, long bytes) throws IOException {
        Path p = dir.resolve(name);
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return p;
    }

    @Test
    void javaOptionsTheJvmRefusesAreAUsageErrorNotAGateVerdict() throws Exception {
        Run r = run(LAUNCHER, Map.of("JAVA_OPTS", "-XX:+NoSuchLeakscanOption"), "analyze", DUMP);
        assertThat(r.exitCode()).as("the JVM itself would exit 1, read as 'a gate was crossed'").isEqualTo(2);
        assertThat(r.err()).contains("the JVM refuses JAVA_OPTS").contains("NoSuchLeakscanOption");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void helpShowsTheHeapOption() throws Exception {
        Run help = run(LAUNCHER, Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--heap SIZE").contains("anywhere on the line");
        assertThat(run(LAUNCHER, Map.of(), "analyze", "--help").out()).contains("--heap SIZE");
    }

    @Test
    void theLaunchersOwnFailuresNeverExit1() throws Exception {
        Run noSize = run(LAUNCHER, Map.of(), "analyze", DUMP, "--heap");
        assertThat(noSize.exitCode()).isEqualTo(2);
        assertThat(noSize.err()).contains("--heap needs a size");
        Run badSize = run(LAUNCHER, Map.of(), "--heap", "lots", "analyze", DUMP);
        assertThat(badSize.exitCode()).as("the JVM would refuse -Xmxlots with exit 1").isEqualTo(2);
        assertThat(badSize.err()).contains("not 'lots'");

        Run noJava = run(LAUNCHER, Map.of("JAVA_HOME", dir.resolve("no-jdk").toString()), "analyze", DUMP);
        assertThat(noJava.exitCode()).isEqualTo(5);
        assertThat(noJava.err()).contains("cannot find");

        // A copy of the launcher outside a project: nothing to build from.
        Path lone = Files.createDirectories(dir.resolve("lone").resolve("bin")).resolve("leakscan");
        Files.copy(LAUNCHER, lone);
        lone.toFile().setExecutable(true);
        Run noBuild = run(lone, Map.of(), "analyze", DUMP);
        assertThat(noBuild.exitCode()).as(noBuild.err()).isEqualTo(5);
        assertThat(noBuild.err()).contains("failed").contains("nothing was analysed");
    }

    static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>leakscan</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}

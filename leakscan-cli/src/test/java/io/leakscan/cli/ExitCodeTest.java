package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.testutil.CliRun;
import io.leakscan.testutil.TinyDumps;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes mean what they say: a crash is never a verdict, an output failure is never a usage error. */
class ExitCodeTest {
    @TempDir
    Path dir;

    @Test
    void anErrorThatIsNotOutOfMemoryExits5WithOneLineNotAStackTrace() throws Exception {
        // A broken install: leakscan's classes and picocli, but no Jackson. Writing JSON then fails with a
        // NoClassDefFoundError (an Error, not an Exception), which used to escape with a trace and exit 1.
        // leakscan's classes are two places in the build: the commands and the engine (leakscan-core).
        Path dump = TinyDumps.linkedNodes().writeTo(dir.resolve("tiny.hprof"));
        List<String> cp = new ArrayList<>();
        for (Class<?> c : List.of(Main.class, io.leakscan.hprof.HprofParser.class, picocli.CommandLine.class)) {
            cp.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        for (boolean verbose : new boolean[] {false, true}) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", String.join(File.pathSeparator, cp), Main.class.getName(), "analyze",
                    dump.toString(), "--format", "json"));
            if (verbose) {
                cmd.add("--verbose");
            }
            Path err = dir.resolve("err.txt");
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(stderr).isEqualTo(5);
            assertThat(stderr).contains("internal error").contains("NoClassDefFoundError");
            if (verbose) {
                assertThat(stderr).contains("\tat ");
            } else {
                assertThat(stderr).doesNotContain("\tat ").contains("--verbose");
            }
        }
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsAnIoFailureNotAUsageError() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        Path xml = blocker.resolve("leakscan.xml");
        CliRun diff = CliRun.of("diff", "testdata/leaky-service-before.hprof.gz", "testdata/leaky-service-after.hprof.gz",
                "--format", "junit", "-o", xml.toString());
        assertThat(diff.exitCode()).as(diff.err()).isEqualTo(3);
        assertThat(diff.err()).contains("cannot write " + xml).contains("is in the way").doesNotContain("--help")
                .doesNotContain("byte offset");
        assertThat(diff.err().strip().lines().count()).isEqualTo(1);

        Path folder = Files.createDirectory(dir.resolve("summary.json"));
        CliRun summarize = CliRun.of("summarize", TinyDumps.linkedNodes().writeTo(dir.resolve("t.hprof")).toString(),
                "-o", folder.toString());
        assertThat(summarize.exitCode()).as(summarize.err()).isEqualTo(3);
        assertThat(summarize.err()).contains("cannot write " + folder).contains("is a directory").doesNotContain("--help");
    }

    @Test
    void noByteOffsetWhereNoneIsKnown() throws Exception {
        CliRun missing = CliRun.of("analyze", dir.resolve("nope.hprof").toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("nope.hprof: no such file").doesNotContain("offset");

        CliRun folder = CliRun.of("analyze", dir.toString());
        assertThat(folder.err()).contains("is a directory").doesNotContain("offset");

        CliRun empty = CliRun.of("analyze", Files.write(dir.resolve("empty.hprof"), new byte[0]).toString());
        assertThat(empty.exitCode()).isEqualTo(3);
        assertThat(empty.err()).contains("file is empty").doesNotContain("offset");

        Path badSummary = Files.writeString(dir.resolve("baseline.json"), "{ \"leakscanSummary\": 1, \"summary\": [");
        CliRun summary = CliRun.of("diff", badSummary.toString(), "testdata/leaky-service-after.hprof.gz");
        assertThat(summary.exitCode()).isEqualTo(3);
        assertThat(summary.err()).contains("baseline.json").contains("not a leakscan summary")
                .doesNotContain("offset").doesNotContain("\tat ");
        assertThat(summary.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void aWholeDumpInconsistencyHasNoOffsetButAPlacedProblemKeepsIt() throws Exception {
        // Asking for dump #3 of a file with one: there is no place in the file to point at.
        Path dump = TinyDumps.linkedNodes().writeTo(dir.resolve("one.hprof"));
        CliRun run = CliRun.of("analyze", dump.toString(), "--snapshot", "3");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("there is no dump #3").doesNotContain("offset");
        Path text = Files.writeString(dir.resolve("notes.hprof"), "hello, this is not a heap dump at all\n");
        assertThat(CliRun.of("analyze", text.toString()).err()).contains("byte offset 0");
    }
}

package io.leakscan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format html} from the packaged jar: the page lands in the current directory, never beside the dump. */
class HtmlReportIT {
    private static final Path TESTDATA = Path.of("testdata").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void analyzeAndDiffWriteOnePageEachIntoTheCurrentDirectory() throws Exception {
        List<Path> before = listing(TESTDATA);
        Path cwd = Files.createDirectory(dir.resolve("cwd"));
        Path out = Files.createDirectory(dir.resolve("out"));

        JarRun analyze = JarRun.in(cwd, out, "analyze", TESTDATA.resolve("leaky-service-after.hprof.gz").toString(),
                "--format", "html");
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        Path page = cwd.resolve("leakscan-report.html");
        assertThat(analyze.out()).contains("leakscan-report.html");
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("Where the memory is")
                .contains("d3js.org"); // d3's own banner: the library is inside the page, not fetched

        Files.delete(page);
        JarRun diff = JarRun.in(cwd, out, "diff", TESTDATA.resolve("leaky-service-before.hprof.gz").toString(),
                TESTDATA.resolve("leaky-service-after.hprof.gz").toString(), "--format", "html", "--max-growth", "1MB");
        assertThat(diff.exitCode()).isEqualTo(1); // the gate's verdict, as with every other format
        assertThat(diff.out()).contains("Gates: FAILED"); // the text summary still goes to the terminal
        assertThat(Files.readString(page)).contains("data-verdict=\"failed\"").contains("Leak suspects");

        assertThat(listing(TESTDATA)).isEqualTo(before);
        assertThat(listing(cwd)).containsExactly(page);
    }

    private static List<Path> listing(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }
}

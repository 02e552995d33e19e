package io.leakscan.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.heap.HeapLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rates only when dumps are far enough apart; a word when the dumps do not come from one kind of JVM. */
class DiffWarningsTest {
    private static DumpSummary summary(String file, long millis, long usedBytes) {
        return new DumpSummary(file, millis, 1, usedBytes, Map.of(), Map.of(), false, null, 8, "17.0.9", "com.acme.App");
    }

    @Test
    void dumpsUnderAMinuteApartGiveNoHourlyRate() {
        DiffResult close = DiffAnalysis.compare(List.of(summary("a", 0, 1_000_000), summary("b", 59_000, 1_000_192)),
                DiffAnalysis.Options.defaults());
        assertThat(close.heapGrowthBytes()).isEqualTo(192);
        assertThat(close.heapGrowthBytesPerHour()).isNull();
        DiffResult apart = DiffAnalysis.compare(List.of(summary("a", 0, 1_000_000), summary("b", 3_600_000, 1_000_192)),
                DiffAnalysis.Options.defaults());
        assertThat(apart.heapGrowthBytesPerHour()).isEqualTo(192.0);
        assertThat(close.warnings()).isEmpty();
    }

    @Test
    void dumpsOfDifferentJvmsAndProgramsAreSaidToDiffer() throws Exception {
        // A 32-bit JDK 5 dump and a 64-bit JDK 8 dump of two different programs (testdata/README.md).
        List<DumpSummary> dumps = List.of(load("sun_jdk5_13_x32.hprof.gz"), load("oracle_jdk8_05_x64.hprof.gz"));
        assertThat(dumps.get(0).idSize()).isEqualTo(4);
        assertThat(dumps.get(1).idSize()).isEqualTo(8);
        assertThat(dumps.get(0).jvmVersion()).isEqualTo("1.5.0_13-b05");
        assertThat(dumps.get(1).jvmVersion()).isEqualTo("25.5-b02");
        assertThat(dumps.get(1).mainClass()).isEqualTo("org.eclipse.mat.tests.CreateCollectionDump");
        DiffResult r = DiffAnalysis.compare(dumps, DiffAnalysis.Options.defaults());
        assertThat(r.warnings()).anyMatch(w -> w.contains("identifier size (32-bit and 64-bit JVMs)"));
        assertThat(r.warnings()).anyMatch(w -> w.contains("different JVM versions"));
    }

    private static DumpSummary load(String name) throws Exception {
        Path p = Path.of("testdata", name);
        return DumpSummarizer.summarize(HeapAnalysis.of(HeapLoader.load(p, 0)), name);
    }
}

package io.leakscan.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.heap.HeapLoader;
import io.leakscan.testutil.MatCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The class table of {@code diff} agrees with MAT's own comparison of the same dumps (instances and
 * shallow bytes, first to last, every class), on the dumps and MAT's delta.csv copied into
 * {@code testdata/}: a clean clone runs all four.
 */
class MatDeltaAgreementTest {
    static final Path PROJECT = Path.of("testdata");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "compare_jdk6_32_to_64, sun_jdk6_18_x32.hprof.gz, sun_jdk6_18_x64.hprof.gz",
        "compare_jdk6_self, sun_jdk6_18_x32.hprof.gz, sun_jdk6_18_x32.hprof.gz",
        "compare_jdk11_fwd, java_pid1884.0001.hprof.gz, openjdk_jdk11_04_x64.hprof.gz",
        "compare_jdk11_rev, openjdk_jdk11_04_x64.hprof.gz, java_pid1884.0001.hprof.gz"})
    void classDeltasEqualMats(String run, String baseline, String other) throws Exception {
        check(PROJECT, PROJECT.resolve("mat-output").resolve(run).resolve("delta.csv"), baseline, other);
    }

    private static void check(Path dir, Path delta, String baseline, String other) throws Exception {
        List<DumpSummary> summaries = new ArrayList<>();
        for (String dump : List.of(baseline, other)) {
            summaries.add(DumpSummarizer.summarize(HeapAnalysis.of(HeapLoader.load(dir.resolve(dump), 0)), dump));
        }
        DiffResult r = DiffAnalysis.compare(summaries, new DiffAnalysis.Options(true, -1, "retained", 0));
        Map<String, DiffResult.ClassDelta> ours = new HashMap<>();
        r.classes().forEach(c -> ours.put(c.className(), c));
        int rows = 0;
        for (String[] row : MatCsv.read(delta)) {
            if (row[0].equals("Class Name") || row.length < 3 || row[1].isEmpty()) {
                continue;
            }
            rows++;
            DiffResult.ClassDelta c = ours.get(row[0]);
            assertThat(c).as(row[0]).isNotNull();
            assertThat(c.instancesDelta()).as(row[0] + " instances").isEqualTo(MatCsv.number(row[1]));
            assertThat(c.shallowBytesDelta()).as(row[0] + " shallow").isEqualTo(MatCsv.number(row[2]));
        }
        assertThat(rows).isPositive();
    }
}

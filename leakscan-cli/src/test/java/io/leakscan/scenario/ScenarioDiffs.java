package io.leakscan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.diff.DiffAnalysis;
import io.leakscan.diff.DiffResult;
import io.leakscan.diff.DumpSummarizer;
import io.leakscan.diff.DumpSummary;
import io.leakscan.heap.HeapLoader;
import io.leakscan.report.render.DiffTextRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a growth scenario in a child JVM, diffs its dumps with the default options, and keeps the text
 * report under {@code target/scenario-reports} (one file per scenario, plus a line in summary.tsv: top
 * suspect and the number of suspects at or above the default gate score).
 */
final class ScenarioDiffs {
    /** The score {@code --fail-on-suspects} uses when given without a value. */
    static final int DEFAULT_GATE = 50;

    private ScenarioDiffs() {
    }

    static DiffResult diff(Path dir, Class<? extends GrowthScenario> scenario, int dumps, String... modeArgs)
            throws Exception {
        String name = scenario.getSimpleName() + (modeArgs.length > 0 ? "-" + modeArgs[0] : "");
        List<String> args = new ArrayList<>(List.of(modeArgs));
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < dumps; i++) {
            paths.add(dir.resolve(name + "-" + i + ".hprof").toString());
        }
        args.addAll(paths);
        ScenarioSupport.run(Path.of(System.getProperty("java.home"), "bin", "java"), scenario,
                args.toArray(new String[0]));
        List<DumpSummary> summaries = new ArrayList<>();
        for (String p : paths) {
            summaries.add(DumpSummarizer.summarize(HeapAnalysis.of(HeapLoader.load(Path.of(p), 0)),
                    Path.of(p).getFileName().toString()));
            Files.delete(Path.of(p));
        }
        DiffResult r = DiffAnalysis.compare(summaries, DiffAnalysis.Options.defaults());
        keep(name, r);
        return r;
    }

    private static void keep(String name, DiffResult r) throws IOException {
        Path reports = Path.of("target", "scenario-reports");
        Files.createDirectories(reports);
        String text = DiffTextRenderer.render(r, false);
        assertThat(text.lines().count()).as(name + ": the diff fits one screen").isLessThanOrEqualTo(50);
        Files.writeString(reports.resolve(name + ".txt"), text);
        long atGate = r.suspects().stream().filter(s -> s.score() >= DEFAULT_GATE).count();
        String top = r.suspects().isEmpty() ? "none" : r.suspects().get(0).kind() + " | "
                + r.suspects().get(0).container() + " | " + r.suspects().get(0).path() + " | score "
                + r.suspects().get(0).score();
        Files.writeString(reports.resolve("summary.tsv"), name + "\t" + top + "\t" + atGate + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The top suspect, which reaches the default gate while no other suspect does. */
    static DiffResult.Suspect onlyTopReachesGate(DiffResult r) {
        assertThat(r.suspects()).as("suspects").isNotEmpty();
        DiffResult.Suspect top = r.suspects().get(0);
        assertThat(top.score()).as("top suspect's score").isGreaterThanOrEqualTo(DEFAULT_GATE);
        assertThat(top.fix()).as("the fix it names").isNotBlank();
        assertThat(r.suspects().subList(1, r.suspects().size()))
                .as("other suspects at or above the default gate")
                .allSatisfy(s -> assertThat(s.score()).as(s.path()).isLessThan(DEFAULT_GATE));
        return top;
    }

    /** No suspect at all. */
    static void noSuspect(DiffResult r) {
        assertThat(r.suspects()).as("suspects of a heap that does not leak")
                .extracting(s -> s.kind() + " " + s.path() + " score " + s.score()).isEmpty();
    }
}

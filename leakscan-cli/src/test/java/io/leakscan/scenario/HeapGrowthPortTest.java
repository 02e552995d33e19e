package io.leakscan.scenario;

import static io.leakscan.scenario.ScenarioDiffs.diff;
import static io.leakscan.scenario.ScenarioDiffs.noSuspect;
import static io.leakscan.scenario.ScenarioDiffs.onlyTopReachesGate;
import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.diff.DiffResult;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LeakCanary's JVM heap-growth scenarios (its {@code HeapGrowthDetectorJvmTest}), ported: five dumps,
 * the same small loop between each two; one object a loop is a leak, an empty loop or a leak that stops
 * is not.
 */
class HeapGrowthPortTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"empty", "leak-that-ends"})
    void noRepeatedGrowthIsNoSuspect(String mode) throws Exception {
        DiffResult r = diff(dir, HeapGrowthPortScenario.class, 5, mode);
        if (mode.equals("empty")) {
            noSuspect(r);
        } else {
            assertThat(r.suspects()).allSatisfy(s -> assertThat(s.score()).isLessThan(ScenarioDiffs.DEFAULT_GATE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "leaky-list       | leakies               | collection | 1",
        "string-list      | stringLeaks           | collection | 1",
        "five-per-dump    | leakies               | collection | 5",
        "linked-list      | customLeakyLinkedList | chain      | 1",
        "linked-list-four | customLeakyLinkedList | chain      | 4",
        "pairs            | multiLeakies          | collection | 1",
        "hash-map         | leakyHashMap          | collection | 1"})
    void repeatedGrowthIsTheOneSuspect(String mode, String field, String kind, int perLoop) throws Exception {
        DiffResult r = diff(dir, HeapGrowthPortScenario.class, 5, mode);
        DiffResult.Suspect s = onlyTopReachesGate(r);
        assertThat(s.path()).endsWith(HeapGrowthPortScenario.class.getName() + "." + field);
        assertThat(s.kind()).isEqualTo(kind);
        assertThat(s.steady()).isTrue();
        // A hand-made list of one node is no chain yet: in the first dump it has no link to count.
        for (int i = kind.equals("chain") ? 2 : 1; i < 5; i++) {
            assertThat(s.elements()[i] - s.elements()[i - 1]).as("entries gained in interval " + i).isEqualTo(perLoop);
        }
    }
}

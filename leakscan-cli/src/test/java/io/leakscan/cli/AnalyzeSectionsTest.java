package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakscan.testutil.CliRun;
import io.leakscan.testutil.MatCsv;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code analyze}'s top consumers, threads and waste sections. */
class AnalyzeSectionsTest {
    static final String DUMP = "testdata/sun_jdk5_64bit.hprof.gz";

    @Test
    void topConsumersShareOutTheWholeHeapOnce() throws Exception {
        JsonNode r = InspectCommandTest.json("analyze", DUMP, "--format", "json", "--top", "0");
        long used = r.get("snapshot").get("usedHeapBytes").asLong();
        JsonNode consumers = r.get("topConsumers");
        // every reachable byte is retained by exactly one top-level dominator
        for (String grouping : new String[] {"byClass", "byPackage", "byClassLoader"}) {
            long sum = 0;
            long objects = 0;
            for (JsonNode row : consumers.get(grouping)) {
                sum += row.get("retainedBytes").asLong();
                objects += row.get("objects").asLong();
            }
            assertThat(sum).as(grouping).isEqualTo(used);
            assertThat(objects).as(grouping).isEqualTo(r.get("dominators").size());
        }
        // MAT's biggest top-level dominator (its domtree.csv) is class java.lang.System: a java.lang.Class whose
        // retained size counts under the package java.lang
        List<String[]> domtree = MatCsv.read(Path.of("testdata/mat-output/sun_jdk5_64bit.hprof/default/domtree.csv"));
        String[] first = domtree.get(0)[0].equals("Class Name") ? domtree.get(1) : domtree.get(0);
        long system = MatCsv.number(first[2]);
        assertThat(first[0]).startsWith("class java.lang.System");
        assertThat(row(consumers.get("byPackage"), "java.lang").get("retainedBytes").asLong()).isGreaterThanOrEqualTo(system);
        assertThat(row(consumers.get("byClass"), "java.lang.Class").get("retainedBytes").asLong()).isGreaterThanOrEqualTo(system);
        assertThat(row(consumers.get("byClassLoader"), "<system class loader>")).isNotNull();
        assertThat(r.get("threads").get("threads").findValuesAsText("name")).contains("main");
        assertThat(r.get("waste").get("categories")).hasSize(7);
        // the waste examples' texts, read along with the report's own pass, are there
        JsonNode strings = r.get("waste").get("duplicateStrings");
        assertThat(strings).isNotEmpty();
        for (JsonNode d : strings) {
            assertThat(d.get("value").asText()).startsWith("\"");
        }
        // and the same as the waste command's
        JsonNode alone = InspectCommandTest.json("waste", DUMP, "--format", "json", "--top", "0");
        assertThat(r.get("waste")).isEqualTo(alone);
    }

    private static JsonNode row(JsonNode rows, String name) {
        for (JsonNode r : rows) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no row " + name);
    }

    @Test
    void sectionsCanBeLeftOut() throws Exception {
        JsonNode r = InspectCommandTest.json("analyze", DUMP, "--format", "json", "--no-threads", "--no-waste");
        assertThat(r.has("threads")).isFalse();
        assertThat(r.has("waste")).isFalse();
        assertThat(r.has("topConsumers")).isTrue();
        CliRun text = CliRun.of("analyze", DUMP, "--top", "3");
        assertThat(text.out()).contains("Top consumers").contains("Threads (").contains("Memory waste:");
    }
}

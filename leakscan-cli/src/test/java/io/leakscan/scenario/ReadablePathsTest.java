package io.leakscan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakscan.testutil.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a dump a real JVM wrote of a program started with {@code java -cp … Main}: a path to a static field
 * starts at the class that declares it, and a Thread is named in every section that shows it.
 */
class ReadablePathsTest {
    static final String SCENARIO = BusyThreadScenario.class.getName();

    @TempDir
    static Path dir;
    static Path dump;

    @BeforeAll
    static void dumpIt() throws Exception {
        dump = dir.resolve("busy.hprof");
        ScenarioSupport.run(Path.of(System.getProperty("java.home"), "bin", "java"), BusyThreadScenario.class,
                dump.toString());
    }

    @Test
    void pathsToStaticFieldsStartAtTheDeclaringClass() throws Exception {
        CliRun run = CliRun.of("analyze", dump.toString(), "--top", "10");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("path: static " + SCENARIO + ".CACHE → java.util.HashMap.table")
                .doesNotContain("LauncherHelper.appClass");
        JsonNode json = new ObjectMapper().readTree(CliRun.of("analyze", dump.toString(), "--format", "json").out());
        for (JsonNode d : json.get("dominators")) {
            JsonNode path = d.get("pathFromGcRoot");
            if (path.size() > 0) {
                assertThat(path.get(0).get("label").asText()).doesNotContain("LauncherHelper");
            }
        }
    }

    @Test
    void aThreadIsNamedInEverySection() throws Exception {
        String named = "\"" + BusyThreadScenario.THREAD_NAME + "\"";
        CliRun run = CliRun.of("analyze", dump.toString(), "--top", "10");
        String out = run.out();
        String suspects = out.substring(out.indexOf("Leak suspects"), out.indexOf("Biggest objects"));
        String biggest = out.substring(out.indexOf("Biggest objects"));
        biggest = biggest.substring(0, biggest.indexOf("\n\n") > 0 ? biggest.indexOf("\n\n") : biggest.length());
        String threadsSection = out.indexOf("\nThreads") >= 0 ? out.substring(out.indexOf("\nThreads")) : "";
        assertThat(suspects.lines().filter(l -> l.contains("java.lang.Thread @ 0x")).toList())
                .as("every line showing the thread in the suspects section").isNotEmpty()
                .allMatch(l -> l.contains(named));
        assertThat(biggest.lines().filter(l -> l.contains("java.lang.Thread @ 0x")).toList())
                .as("every line showing the thread in the dominator section").isNotEmpty()
                .allMatch(l -> l.contains(named));
        // The threads section names every thread it shows, including one held by a local variable.
        assertThat(threadsSection.lines().filter(l -> l.contains("java.lang.Thread @ 0x") && l.contains("MiB")).toList())
                .as("lines of the threads section showing the busy thread").isNotEmpty()
                .allMatch(l -> l.contains(named));
        JsonNode json = new ObjectMapper().readTree(CliRun.of("analyze", dump.toString(), "--format", "json",
                "--top", "0").out());
        JsonNode top = json.get("dominators").get(0).get("object");
        assertThat(top.get("className").asText()).isEqualTo("java.lang.Thread");
        assertThat(top.get("object").asText()).endsWith(named);
        assertThat(json.get("suspects").get(0).get("suspect").get("object").asText()).endsWith(named);
    }
}

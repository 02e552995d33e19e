package io.leakscan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.scenario.ControlScenario;
import io.leakscan.scenario.ScenarioSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The packaged jar as a CI step: gates crossed exit 1 and name the suspect in text, markdown and JUnit
 * XML; a stable application exits 0; a saved baseline gives the same verdict as its dump; corrupt input exits 3.
 */
class CiGateIT {
    static final String BEFORE = "testdata/leaky-service-before.hprof.gz";
    static final String AFTER = "testdata/leaky-service-after.hprof.gz";
    static final String CACHE_PATH = "static io.leakscan.scenario.LeakyServiceScenario.SESSION_CACHE";

    @TempDir
    static Path dir;
    static Path stableBefore;
    static Path stableAfter;

    @BeforeAll
    static void stableDumps() throws Exception {
        stableBefore = dir.resolve("stable-1.hprof");
        stableAfter = dir.resolve("stable-2.hprof");
        ScenarioSupport.run(Path.of(System.getProperty("java.home"), "bin", "java"), ControlScenario.class,
                stableBefore.toString(), stableAfter.toString());
    }

    @Test
    void heapGrowthGateFailsWithTheSuspectInTextMarkdownAndJUnit() throws Exception {
        Path md = dir.resolve("report.md");
        JarRun text = JarRun.of(dir, "diff", BEFORE, AFTER, "--max-growth", "100KB", "--format", "markdown",
                "--output", md.toString());
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out()).contains("Gates: FAILED").contains("FAIL  max-growth (100KB)").contains(CACHE_PATH);
        assertThat(Files.readString(md)).contains("❌ memory gate crossed").contains("`max-growth`").contains(CACHE_PATH);

        Path xml = dir.resolve("junit.xml");
        JarRun junit = JarRun.of(dir, "diff", BEFORE, AFTER, "--max-growth", "1%", "--fail-on-suspects", "--format",
                "junit", "-o", xml.toString());
        assertThat(junit.exitCode()).isEqualTo(1);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        NodeList failures = doc.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(2);
        assertThat(failures.item(1).getTextContent()).contains(CACHE_PATH).contains("entries 400 → 1,400");
        assertThat(((Element) doc.getElementsByTagName("testcase").item(1)).getAttribute("name"))
                .isEqualTo("suspects (score >= 50)");
    }

    @Test
    void classPatternGateNamesTheClassThatGrew() throws Exception {
        JarRun run = JarRun.of(dir, "diff", BEFORE, AFTER, "--max-class-growth", "io.leakscan.scenario.*=200KiB");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  max-class-growth io.leakscan.scenario.* (200KiB)")
                .contains("io.leakscan.scenario.LeakyServiceScenario$Session: retained");
        JarRun loose = JarRun.of(dir, "diff", BEFORE, AFTER, "--max-class-growth", "io.leakscan.scenario.*=50MB");
        assertThat(loose.exitCode()).isZero();
        assertThat(loose.out()).contains("Gates: passed");
    }

    @Test
    void stableApplicationPassesEveryGate() throws Exception {
        JarRun run = JarRun.of(dir, "diff", stableBefore.toString(), stableAfter.toString(), "--max-growth", "5%",
                "--max-class-growth", "*=1MB", "--fail-on-suspects", "--format", "junit");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("failures=\"0\"").doesNotContain("<failure");
    }

    @Test
    void savedBaselineGivesTheSameVerdictAsItsDump() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        JarRun saved = JarRun.of(dir, "summarize", BEFORE, "-o", baseline.toString());
        assertThat(saved.exitCode()).isZero();
        assertThat(Files.size(baseline)).as("kilobytes, not the dump").isLessThan(Files.size(Path.of(BEFORE)) / 2);

        JarRun fromDump = JarRun.of(dir, "diff", BEFORE, AFTER, "--fail-on-suspects", "--format", "json");
        JarRun fromBaseline = JarRun.of(dir, "diff", baseline.toString(), AFTER, "--fail-on-suspects", "--format", "json");
        assertThat(fromBaseline.exitCode()).isEqualTo(fromDump.exitCode()).isEqualTo(1);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var a = mapper.readTree(fromDump.out()).get("suspects");
        var b = mapper.readTree(fromBaseline.out()).get("suspects");
        assertThat(b.get(0).get("path")).isEqualTo(a.get(0).get("path"));
        assertThat(b.get(0).get("elements")).isEqualTo(a.get(0).get("elements"));
        assertThat(b.get(0).get("retainedBytes")).isEqualTo(a.get(0).get("retainedBytes"));
    }

    @Test
    void corruptInputExits3() throws Exception {
        Path junk = Files.write(dir.resolve("cut.hprof"), java.util.Arrays.copyOf(
                new java.util.zip.GZIPInputStream(Files.newInputStream(Path.of(BEFORE))).readNBytes(100_000), 100_000));
        JarRun run = JarRun.of(dir, "diff", BEFORE, junk.toString(), "--fail-on-suspects");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("cut.hprof").contains("byte offset").doesNotContain("\tat ");
    }
}

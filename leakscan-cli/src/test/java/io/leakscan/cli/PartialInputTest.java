package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakscan.testutil.CliRun;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A dump cut short (a JVM killed while writing it, a full disk) never lets a gate pass: without
 * {@code --allow-partial} the gates are not evaluated and the run exits 3; with it, every format says the
 * verdict rests on partial data. The partial result is visible in every format, whatever {@code -q} says.
 */
class PartialInputTest {
    static final String BEFORE = "testdata/leaky-service-before.hprof.gz";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path cut;

    @BeforeAll
    static void cutTheAfterDump() throws Exception {
        byte[] full;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("testdata/leaky-service-after.hprof.gz")))) {
            full = in.readAllBytes();
        }
        // A third of the dump is missing: what was read shows a shrinking heap, which every gate would pass.
        cut = Files.write(dir.resolve("after-cut.hprof"), Arrays.copyOf(full, full.length * 2 / 3));
    }

    @Test
    void gatesOnATruncatedDumpAreNotEvaluatedAndExit3() throws Exception {
        Path xml = dir.resolve("gates.xml");
        CliRun run = CliRun.of("diff", BEFORE, cut.toString(), "--max-growth", "1MB", "--fail-on-suspects",
                "--format", "junit", "-o", xml.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("gates not evaluated").contains("after-cut.hprof").contains("byte offset")
                .contains("--allow-partial").doesNotContain("\tat ");
        assertThat(run.out()).contains("Gates: NOT EVALUATED").contains("skip  max-growth (1MB)")
                .doesNotContain("Gates: passed").doesNotContain("pass  ");

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).as("partial input is an error, not a pass").isEqualTo("2");
        assertThat(doc.getElementsByTagName("error").item(0).getTextContent()).contains("after-cut.hprof")
                .contains("byte offset");
        assertThat(doc.getElementsByTagName("system-out").getLength()).as("no passing test case").isZero();
    }

    @Test
    void jsonAndMarkdownSayTheGatesWereNotEvaluated() throws Exception {
        CliRun json = CliRun.of("diff", BEFORE, cut.toString(), "--max-growth", "1MB", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(3);
        JsonNode r = JSON.readTree(json.out());
        assertThat(r.get("complete").asBoolean()).isFalse();
        assertThat(r.get("snapshots").get(0).get("complete").asBoolean()).isTrue();
        assertThat(r.get("snapshots").get(1).get("complete").asBoolean()).isFalse();
        assertThat(r.get("snapshots").get(1).get("truncation").asText()).contains("byte offset");
        JsonNode gate = r.get("gates").get(0);
        assertThat(gate.get("evaluated").asBoolean()).isFalse();
        assertThat(gate.get("passed").asBoolean()).isFalse();

        CliRun md = CliRun.of("diff", BEFORE, cut.toString(), "--max-growth", "1MB", "--format", "markdown");
        assertThat(md.exitCode()).isEqualTo(3);
        assertThat(md.out()).contains("not evaluated: partial input").contains("**Partial data:**")
                .doesNotContain("✅");
    }

    @Test
    void allowPartialGivesAVerdictThatEveryFormatMarksAsPartial() throws Exception {
        Path xml = dir.resolve("allowed.xml");
        CliRun text = CliRun.of("diff", BEFORE, cut.toString(), "--max-growth", "1MB", "--allow-partial",
                "--format", "junit", "-o", xml.toString());
        assertThat(text.exitCode()).as("the gates decide: the heap read shrank").isZero();
        assertThat(text.out()).contains("Gates: passed ON PARTIAL DATA: dump 2").contains("after-cut.hprof");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        Element last = (Element) doc.getElementsByTagName("testcase").item(1);
        assertThat(last.getAttribute("name")).isEqualTo("complete input");
        assertThat(last.getElementsByTagName("error").item(0).getTextContent()).contains("partial data");

        CliRun md = CliRun.of("diff", BEFORE, cut.toString(), "--max-growth", "1MB", "--allow-partial",
                "--format", "markdown");
        assertThat(md.out()).contains("✅ memory gates passed (on partial data)").contains("**Partial data:**");

        CliRun json = CliRun.of("diff", BEFORE, cut.toString(), "--max-growth", "1MB", "--allow-partial",
                "--format", "json");
        JsonNode r = JSON.readTree(json.out());
        assertThat(r.get("complete").asBoolean()).isFalse();
        assertThat(r.get("gates").get(0).get("evaluated").asBoolean()).isTrue();
    }

    @Test
    void withoutGatesATruncatedDumpGives0WithAWarningAndStrictGives3() throws Exception {
        CliRun run = CliRun.of("diff", BEFORE, cut.toString(), "-q");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("WARNING: ").contains("after-cut.hprof is truncated");
        CliRun strict = CliRun.of("diff", BEFORE, cut.toString(), "--strict");
        assertThat(strict.exitCode()).isEqualTo(3);
        assertThat(strict.err()).contains("after-cut.hprof").contains("byte offset");
    }

    @Test
    void aSavedSummaryOfATruncatedDumpStaysPartial() throws Exception {
        Path baseline = dir.resolve("cut-summary.json");
        assertThat(CliRun.of("summarize", cut.toString(), "-q", "-o", baseline.toString()).exitCode()).isZero();
        CliRun run = CliRun.of("diff", BEFORE, baseline.toString(), "--fail-on-suspects");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("Gates: NOT EVALUATED");
    }

    @Test
    void analyzeQuietStillCarriesThePartialResultInTheReport() throws Exception {
        CliRun text = CliRun.of("analyze", cut.toString(), "-q");
        assertThat(text.exitCode()).isZero();
        assertThat(text.err()).isEmpty();
        assertThat(text.out()).startsWith("WARNING: ").contains("is truncated").contains("byte offset");
        CliRun json = CliRun.of("analyze", cut.toString(), "-q", "--format", "json");
        assertThat(JSON.readTree(json.out()).get("snapshot").get("complete").asBoolean()).isFalse();
    }
}

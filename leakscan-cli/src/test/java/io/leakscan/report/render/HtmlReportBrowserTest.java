package io.leakscan.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakscan.scenario.ScenarioSupport;
import io.leakscan.scenario.SpacedGrowthScenario;
import io.leakscan.testutil.CliRun;
import io.leakscan.testutil.HeadlessChromium;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Opens the HTML reports in headless Chromium and checks them against the JSON report of the same
 * dumps: no console error, no request but the page itself, the treemap's biggest tiles are the top
 * dominators, clicking zooms, the diff charts have one point per dump with the right values, tables sort.
 * Screenshots go to target/html-report/. Skips loudly without Chromium (see {@link HeadlessChromium}).
 */
class HtmlReportBrowserTest {
    private static final Path AFTER = Path.of("testdata/leaky-service-after.hprof.gz");
    private static final Path BEFORE = Path.of("testdata/leaky-service-before.hprof.gz");
    private static final Path SHOTS = Path.of("target/html-report");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void analyzePageShowsTheDominatorTreeZoomsAndSorts() throws Exception {
        Path html = dir.resolve("analyze.html");
        Path json = dir.resolve("analyze.json");
        assertThat(CliRun.of("analyze", AFTER.toString(), "--format", "html", "-o", html.toString()).exitCode()).isZero();
        assertThat(CliRun.of("analyze", AFTER.toString(), "--format", "json", "--top", "1000", "-o", json.toString())
                .exitCode()).isZero();
        JsonNode report = JSON.readTree(json.toFile());

        try (HeadlessChromium browser = HeadlessChromium.start(1280, 1700)) {
            browser.open(html);
            List<Tile> tiles = tiles(browser);
            assertThat(tiles).hasSizeGreaterThan(5);

            // The biggest object tiles are the top-level dominators of the JSON report, in order, with their sizes.
            List<Tile> objects = tiles.stream().filter(t -> t.kind.equals("object")).toList();
            JsonNode dominators = report.get("dominators");
            for (int i = 0; i < 5; i++) {
                assertThat(objects.get(i).label).isEqualTo(dominators.get(i).get("object").get("object").asText());
                assertThat(objects.get(i).bytes).isEqualTo(dominators.get(i).get("object").get("retainedBytes").asLong());
            }
            // ... and the picture agrees: the largest tile of all is the first dominator, and areas follow bytes.
            Tile largest = tiles.stream().max((a, b) -> Double.compare(a.area, b.area)).orElseThrow();
            assertThat(largest.label).isEqualTo(objects.get(0).label);
            double total = tiles.stream().mapToDouble(t -> t.area).sum();
            long totalBytes = tiles.stream().mapToLong(t -> t.bytes).sum();
            assertThat(totalBytes).isEqualTo(report.get("snapshot").get("usedHeapBytes").asLong());
            for (Tile t : objects.subList(0, 5)) {
                assertThat(t.area / total).isCloseTo((double) t.bytes / totalBytes,
                        org.assertj.core.data.Offset.offset(0.01 + 0.1 * t.bytes / totalBytes));
            }
            browser.screenshot(SHOTS.resolve("analyze.png"));

            // Clicking the biggest tile zooms into its children, as the extract in the JSON report lists them.
            browser.driver().findElement(By.cssSelector("#treemap g.tile[data-index='" + largest.index + "']")).click();
            List<String> crumbs = browser.driver().findElements(By.cssSelector("#treemap-crumbs button")).stream()
                    .map(WebElement::getText).toList();
            assertThat(crumbs).hasSize(2);
            List<String> expected = new ArrayList<>();
            for (JsonNode c : report.get("dominatorTree").get("children").get(0).get("children")) {
                expected.add(c.get("label").asText());
            }
            List<String> zoomed = tiles(browser).stream().map(t -> t.label).filter(l -> !l.equals("the object itself")).toList();
            assertThat(zoomed).containsExactlyInAnyOrderElementsOf(expected);
            browser.screenshot(SHOTS.resolve("analyze-zoomed.png"));
            browser.driver().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
            assertThat(tiles(browser)).hasSameSizeAs(tiles);

            // Sorting the histogram: by instances, then by retained size puts the biggest class first.
            String mostInstances = maxBy(report.get("histogram"), "instances");
            String mostRetained = maxBy(report.get("histogram"), "retainedBytes");
            assertThat(mostInstances).isNotEqualTo(mostRetained); // so the second sort really changes the order
            sortBy(browser, "histogram-table", "Instances");
            assertThat(firstRow(browser, "histogram-table")).isEqualTo(mostInstances);
            sortBy(browser, "histogram-table", "Retained");
            assertThat(firstRow(browser, "histogram-table")).isEqualTo(mostRetained);

            // Filtering by name keeps only matching rows.
            browser.driver().findElement(By.id("histogram-filter")).sendKeys("HashMap");
            List<String> shown = visibleFirstCells(browser, "histogram-table");
            assertThat(shown).isNotEmpty().allMatch(n -> n.contains("HashMap"));

            // Dark: the reader's setting switches the palette.
            Object light = browser.js("return getComputedStyle(document.body).backgroundColor");
            browser.colorScheme("dark");
            assertThat(browser.js("return getComputedStyle(document.body).backgroundColor")).isNotEqualTo(light);
            browser.driver().findElement(By.id("histogram-filter")).clear();
            browser.js("window.scrollTo(0, 0)");
            browser.screenshot(SHOTS.resolve("analyze-dark.png"));

            assertThat(browser.errors()).isEmpty();
            assertThat(browser.requests()).allMatch(u -> u.equals(html.toUri().toString()));
            assertThat(browser.js("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
        }
    }

    @Test
    void diffPageChartsEachSuspectOverTheDumps() throws Exception {
        Path html = dir.resolve("diff.html");
        Path json = dir.resolve("diff.json");
        String[] dumps = {BEFORE.toString(), AFTER.toString()};
        CliRun run = CliRun.of(concat(dumps, "--format", "html", "-o", html.toString(), "--max-growth", "1MB"));
        assertThat(run.exitCode()).isEqualTo(1); // the gate is crossed
        CliRun.of(concat(dumps, "--format", "json", "-o", json.toString(), "--max-growth", "1MB"));
        JsonNode report = JSON.readTree(json.toFile());
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 1500)) {
            browser.open(html);
            // The verdict comes first.
            WebElement verdict = browser.driver().findElement(By.id("verdict"));
            assertThat(verdict.getDomAttribute("data-verdict")).isEqualTo("failed");
            assertThat(browser.js("return !!(arguments[0].compareDocumentPosition(document.getElementById('gates'))"
                    + " & Node.DOCUMENT_POSITION_FOLLOWING) && arguments[0].closest('header') !== null", verdict)).isEqualTo(true);
            // Dumps 38 ms apart: one step per dump rather than a time axis.
            checkCharts(browser, report, "interval");
            assertThat(firstRowAfterSort(browser)).isEqualTo(maxBy(report.get("classes"), "retainedBytesDelta"));
            browser.screenshot(SHOTS.resolve("diff.png"));
            assertThat(browser.errors()).isEmpty();
            assertThat(browser.requests()).allMatch(u -> u.equals(html.toUri().toString()));
        }
    }

    @Test
    void diffOfDumpsSecondsApartHasARealTimeAxis() throws Exception {
        String[] dumps = {dir.resolve("a.hprof").toString(), dir.resolve("b.hprof").toString(), dir.resolve("c.hprof").toString()};
        ScenarioSupport.run(Path.of(System.getProperty("java.home"), "bin", "java"), SpacedGrowthScenario.class, dumps);
        Path html = dir.resolve("diff3.html");
        Path json = dir.resolve("diff3.json");
        assertThat(CliRun.of(concat(dumps, "--format", "html", "-o", html.toString())).exitCode()).isZero();
        assertThat(CliRun.of(concat(dumps, "--format", "json", "-o", json.toString())).exitCode()).isZero();
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.get("suspects")).isNotEmpty();
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 1100)) {
            browser.open(html);
            assertThat(browser.driver().findElement(By.id("verdict")).getDomAttribute("data-verdict")).isEqualTo("no_gates");
            List<double[]> xs = checkCharts(browser, report, "time");
            // On a time axis the points sit where the dumps' times say: gaps in proportion.
            long[] t = new long[3];
            for (int i = 0; i < 3; i++) {
                t[i] = Instant.parse(report.get("snapshots").get(i).get("timestamp").asText()).toEpochMilli();
            }
            double[] x = xs.get(0);
            assertThat((x[1] - x[0]) / (x[2] - x[0])).isCloseTo((double) (t[1] - t[0]) / (t[2] - t[0]),
                    org.assertj.core.data.Offset.offset(0.02));
            browser.screenshot(SHOTS.resolve("diff-time-axis.png"));
            assertThat(browser.errors()).isEmpty();
            assertThat(browser.requests()).allMatch(u -> u.equals(html.toUri().toString()));
        }
    }

    /** Each suspect's chart: one point per dump per series, with the JSON's values; returns the x of each chart's points. */
    private static List<double[]> checkCharts(HeadlessChromium browser, JsonNode report, String axis) {
        List<WebElement> charts = browser.driver().findElements(By.cssSelector(".growth-chart svg"));
        JsonNode suspects = report.get("suspects");
        int dumps = report.get("snapshots").size();
        assertThat(charts).hasSize(suspects.size()).isNotEmpty();
        List<double[]> xs = new ArrayList<>();
        for (int s = 0; s < charts.size(); s++) {
            WebElement chart = charts.get(s);
            assertThat(chart.getDomAttribute("data-axis")).isEqualTo(axis);
            double[] x = new double[dumps];
            for (String series : List.of("retained", "elements")) {
                List<WebElement> points = chart.findElements(By.cssSelector("circle." + series));
                assertThat(points).hasSize(dumps);
                JsonNode values = suspects.get(s).get(series.equals("retained") ? "retainedBytes" : "elements");
                double previousY = Double.NaN;
                for (int i = 0; i < dumps; i++) {
                    WebElement p = points.get(i);
                    assertThat(Long.parseLong(p.getDomAttribute("data-value"))).isEqualTo(values.get(i).asLong());
                    x[i] = Double.parseDouble(p.getDomAttribute("cx"));
                    double y = Double.parseDouble(p.getDomAttribute("cy"));
                    if (i > 0) {
                        assertThat(x[i]).isGreaterThan(x[i - 1]);
                        // SVG y grows downwards: a bigger value is drawn higher.
                        long before = values.get(i - 1).asLong();
                        long now = values.get(i).asLong();
                        assertThat(Double.compare(previousY, y)).isEqualTo(Long.compare(now, before));
                    }
                    previousY = y;
                }
            }
            xs.add(x);
        }
        return xs;
    }

    private String firstRowAfterSort(HeadlessChromium browser) {
        sortBy(browser, "class-table", "Δ instances");
        sortBy(browser, "class-table", "Δ retained");
        return firstRow(browser, "class-table");
    }

    private record Tile(int index, String label, String kind, long bytes, double area) {
    }

    private static List<Tile> tiles(HeadlessChromium browser) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> raw = (List<Map<String, Object>>) browser.js(
                "return Array.from(document.querySelectorAll('#treemap g.tile')).map(g => {"
                        + " const r = g.querySelector('rect.outer').getBoundingClientRect();"
                        + " return {index: Number(g.dataset.index), label: g.dataset.label, kind: g.dataset.kind,"
                        + " bytes: g.dataset.bytes, area: r.width * r.height}; })");
        return raw.stream().map(m -> new Tile(((Number) m.get("index")).intValue(), (String) m.get("label"),
                (String) m.get("kind"), Long.parseLong((String) m.get("bytes")), ((Number) m.get("area")).doubleValue()))
                .toList();
    }

    private static void sortBy(HeadlessChromium browser, String table, String heading) {
        browser.driver().findElements(By.cssSelector("#" + table + " thead th button")).stream()
                .filter(b -> b.getText().equals(heading)).findFirst().orElseThrow().click();
    }

    private static String firstRow(HeadlessChromium browser, String table) {
        return browser.driver().findElement(By.cssSelector("#" + table + " tbody tr:first-child td:first-child")).getText();
    }

    private static List<String> visibleFirstCells(HeadlessChromium browser, String table) {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) browser.js("return Array.from(document.querySelectorAll('#" + table
                + " tbody tr')).filter(r => !r.hidden).map(r => r.cells[0].textContent)");
        return names;
    }

    private static String maxBy(JsonNode rows, String field) {
        JsonNode best = null;
        for (JsonNode r : rows) {
            if (best == null || r.get(field).asLong() > best.get(field).asLong()) {
                best = r;
            }
        }
        return best.get("className").asText();
    }

    private static String[] concat(String[] dumps, String... options) {
        List<String> all = new ArrayList<>(List.of("diff"));
        all.addAll(List.of(dumps));
        all.addAll(List.of(options));
        return all.toArray(String[]::new);
    }
}

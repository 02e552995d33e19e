package io.leakscan.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.diff.DiffResult;
import io.leakscan.diff.Gate;
import io.leakscan.report.AnalyzeReport;
import io.leakscan.report.DominatorEntry;
import io.leakscan.report.DominatorTreeNode;
import io.leakscan.report.HistogramRow;
import io.leakscan.report.ObjectRef;
import io.leakscan.report.PathStep;
import io.leakscan.report.SnapshotSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pages stay small and self-contained whatever the size of the report: a report shaped like a 2 GB
 * heap's (50,000 classes and top-level dominators, the longest class names) renders under 2 MB, says how
 * many rows it left out, and refers to nothing outside itself. Text written into the page is escaped.
 */
class HtmlRendererTest {
    private static final int MAX_PAGE_BYTES = 2 * 1024 * 1024;
    /** Anything that would make a browser fetch: a src/href/url() that is not a fragment or a data: URI. */
    private static final Pattern EXTERNAL = Pattern.compile(
            "(?i)(<script[^>]+src=|<link[^>]+href=|<img[^>]+src=\"(?!data:)|@import|url\\((?!['\"]?data:))");

    @Test
    void bigAnalyzeReportMakesASmallSelfContainedPage() {
        String page = AnalyzeHtmlRenderer.render(bigAnalyzeReport(50_000));
        int bytes = page.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isLessThan(MAX_PAGE_BYTES);
        assertThat(page).contains("and 49,000 more classes").contains("and 49,900 more objects");
        assertThat(page).contains("Content-Security-Policy").contains(HtmlPage.CONTENT_SECURITY_POLICY);
        assertThat(EXTERNAL.matcher(page).find()).as("external reference").isFalse();
        // The class names an attacker might choose cannot end the script block or inject markup.
        assertThat(page).doesNotContain("<b>evil</b>").doesNotContain("</script><b>");
        assertThat(page.split("</script>", -1)).hasSize(4); // data, d3, the page's script
    }

    @Test
    void bigDiffMakesASmallPage() {
        List<DiffResult.ClassDelta> classes = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            classes.add(new DiffResult.ClassDelta(longName(i), "present", new long[] {1, 2}, new long[] {16, 32},
                    new long[] {16, 32}, new int[] {1, 1}, 1, 16, 16));
        }
        List<DiffResult.Suspect> suspects = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            suspects.add(new DiffResult.Suspect(i + 1, "cache", "static com.acme.Registry.CACHE" + i, "java.util.HashMap",
                    new long[] {1, 1}, new long[] {10, 20}, new long[] {1000, 2000}, 3.0, List.of(), 0.1, 50,
                    List.of("grew"), "java.util.HashMap @ 0x1", "HashMap", "static com.acme.Registry.CACHE" + i, null,
                    null, List.of(), null, false, "remove entries"));
        }
        DiffResult r = new DiffResult(1, List.of(new DiffResult.Snapshot("a.hprof", "2026-01-01T00:00:00Z", 10, 100, true, null),
                new DiffResult.Snapshot("b.hprof", "2026-01-01T01:00:00Z", 20, 200, true, null)), 100, 100.0, suspects,
                classes, List.of(new Gate("max-growth", "1MB", false, "grew", List.of())), List.of(), true);
        String page = DiffHtmlRenderer.render(r);
        assertThat(page.getBytes(StandardCharsets.UTF_8).length).isLessThan(MAX_PAGE_BYTES);
        assertThat(page).contains("and 49,000 more classes").contains("and 150 more suspects").contains("data-verdict=\"failed\"");
        assertThat(EXTERNAL.matcher(page).find()).isFalse();
    }

    @Test
    void partialDumpIsSaidAtTheTop() {
        AnalyzeReport big = bigAnalyzeReport(10);
        SnapshotSummary cut = new SnapshotSummary("cut.hprof", "JAVA PROFILE 1.0.2", 8, "2026-01-01T00:00:00Z", 10, 10, 1,
                100, 0, 0, true, 1, 1, 0, 0, false, "file ends at byte offset 4096 inside a record (HEAP_DUMP_SEGMENT)");
        String page = AnalyzeHtmlRenderer.render(new AnalyzeReport(1, cut, big.histogram(), big.dominators(), List.of(),
                List.of(), List.of(), List.of("cut.hprof is truncated"), big.dominatorTree()));
        String header = page.substring(page.indexOf("<header>"), page.indexOf("</header>"));
        assertThat(header).contains("PARTIAL: file ends at byte offset 4096");
        assertThat(page).contains("<strong>Warning:</strong> cut.hprof is truncated");
    }

    @Test
    void verdictIsInconclusiveWhenGatesPassedOnATruncatedDump() {
        // With --allow-partial the gates are evaluated on the partial data; the page must not call that a pass.
        DiffResult r = new DiffResult(1, List.of(), 0, null, List.of(), List.of(),
                List.of(new Gate("max-growth", "1MB", true, "fine", List.of())),
                List.of("after.hprof is truncated: it ends at byte offset 10"), false);
        assertThat(DiffHtmlRenderer.verdict(r)).isEqualTo(DiffHtmlRenderer.Verdict.INCONCLUSIVE);
    }

    @Test
    void verdictIsInconclusiveWhenGatesWereNotEvaluated() {
        DiffResult r = new DiffResult(1, List.of(), 0, null, List.of(), List.of(),
                List.of(new Gate("max-growth", "1MB", false, false, "not evaluated: after.hprof is partial", List.of())),
                List.of("after.hprof is truncated: it ends at byte offset 10"), false);
        assertThat(DiffHtmlRenderer.verdict(r)).isEqualTo(DiffHtmlRenderer.Verdict.INCONCLUSIVE);
    }

    private static AnalyzeReport bigAnalyzeReport(int n) {
        List<HistogramRow> histogram = new ArrayList<>();
        List<DominatorEntry> dominators = new ArrayList<>();
        List<PathStep> path = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            path.add(new PathStep("com.example.service.internal.SomeHolder.field" + i, "com.example.X @ 0x1", "com.example.X", "f"));
        }
        for (int i = 0; i < n; i++) {
            histogram.add(new HistogramRow(longName(i), i, i * 16L, i * 64L));
            ObjectRef ref = new ObjectRef(longName(i) + " @ 0x7f01a2b8", longName(i), "0x7f01a2b8", 24, 1000 - i % 1000, 0.001);
            dominators.add(new DominatorEntry(ref, i < 100 ? path : List.of()));
        }
        SnapshotSummary s = new SnapshotSummary("big.hprof", "JAVA PROFILE 1.0.2", 8, "2026-01-01T00:00:00Z", 30_000_000,
                n, 5000, 2L << 30, 0, 0, true, 1, 1, 0, 0, true, null);
        return new AnalyzeReport(1, s, histogram, dominators, List.of(), List.of(), List.of(), List.of(), tree(0));
    }

    /** A tree as big as the extract may be: 600 nodes. */
    private static DominatorTreeNode tree(int depth) {
        List<DominatorTreeNode> children = new ArrayList<>();
        if (depth < 2) {
            for (int i = 0; i < (depth == 0 ? 24 : 23); i++) {
                children.add(tree(depth + 1));
            }
        }
        return new DominatorTreeNode(depth == 0 ? "heap" : "object", longName(depth) + " @ 0x7f01a2b8", longName(depth),
                "0x7f01a2b8", 1, 1000, 1.0, children);
    }

    private static String longName(int i) {
        return "com.example.generated.very.long.package.name.</script><b>evil</b>.SomeQuiteLongClassName$Inner" + i;
    }
}

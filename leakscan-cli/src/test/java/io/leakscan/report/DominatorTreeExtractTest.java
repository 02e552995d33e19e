package io.leakscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.heap.HeapLoader;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The treemap's extract of the dominator tree adds up, stays bounded and starts with the biggest objects. */
class DominatorTreeExtractTest {
    @ParameterizedTest
    @ValueSource(strings = {"leaky-service-after.hprof.gz", "oracle_jdk8_05_x64.hprof.gz", "sun_jdk5_13_x32.hprof.gz",
        "sun_jdk6_30_x64_compressedOops.hprof.gz"})
    void extractAddsUpAndIsBounded(String dump) {
        HeapAnalysis a = HeapAnalysis.of(HeapLoader.load(Path.of("testdata", dump), 1));
        DominatorTreeNode root = DominatorTreeExtract.of(a);

        assertThat(root.kind()).isEqualTo("heap");
        assertThat(root.retainedBytes()).isEqualTo(a.usedHeapBytes());
        // Every reachable byte lies under exactly one top-level dominator: the first level sums to the used heap.
        assertThat(root.children().stream().mapToLong(DominatorTreeNode::retainedBytes).sum()).isEqualTo(a.usedHeapBytes());
        assertThat(root.children().stream().mapToLong(DominatorTreeNode::objects).sum())
                .isEqualTo(a.dominatorChildren().rootChildren().length);
        assertThat(count(root)).isLessThanOrEqualTo(DominatorTreeExtract.MAX_NODES);
        assertThat(depth(root)).isLessThanOrEqualTo(DominatorTreeExtract.MAX_DEPTH);

        // The objects shown first are the biggest top-level dominators, in order.
        int[] tops = a.dominatorChildren().rootChildren();
        var shown = root.children().stream().filter(n -> n.kind().equals("object")).toList();
        assertThat(shown).isNotEmpty();
        for (int i = 0; i < shown.size(); i++) {
            assertThat(shown.get(i).address()).isEqualTo("0x" + Long.toHexString(a.snapshot().objectId(tops[i])));
            assertThat(shown.get(i).retainedBytes()).isEqualTo(a.retainedBytes(tops[i]));
        }
        check(root, a);
    }

    /** An expanded object's children cover all it dominates: what they leave is exactly its own shallow size. */
    private static void check(DominatorTreeNode n, HeapAnalysis a) {
        long children = n.children().stream().mapToLong(DominatorTreeNode::retainedBytes).sum();
        assertThat(children).isLessThanOrEqualTo(n.retainedBytes());
        if (n.kind().equals("object")) {
            int o = a.snapshot().indexOf(Long.parseUnsignedLong(n.address().substring(2), 16));
            assertThat(n.retainedBytes()).isEqualTo(a.retainedBytes(o));
            if (!n.children().isEmpty()) {
                assertThat(n.retainedBytes() - children).isEqualTo(a.snapshot().shallowBytes(o));
            }
        }
        for (DominatorTreeNode c : n.children()) {
            check(c, a);
        }
    }

    private static int count(DominatorTreeNode n) {
        return 1 + n.children().stream().mapToInt(DominatorTreeExtractTest::count).sum();
    }

    private static int depth(DominatorTreeNode n) {
        return n.children().stream().mapToInt(c -> 1 + depth(c)).max().orElse(0);
    }
}

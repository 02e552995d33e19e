package io.leakscan.analysis;

import static io.leakscan.testutil.TinyDumps.ARRAY;
import static io.leakscan.testutil.TinyDumps.NODE1;
import static io.leakscan.testutil.TinyDumps.NODE2;
import static io.leakscan.testutil.TinyDumps.PAYLOAD1;
import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.heap.HeapLoader;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.testutil.TinyDumps;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact sizes, dominators and retained sizes on a hand-built dump whose answers are known. */
class TinyDumpTest {
    @TempDir
    Path dir;

    @Test
    void sizesDominatorsAndRetainedSizesAreExact() throws IOException {
        HeapSnapshot s = HeapLoader.load(TinyDumps.linkedNodes().writeTo(dir.resolve("tiny.hprof")), 0);
        HeapAnalysis a = HeapAnalysis.of(s);
        int array = s.indexOf(ARRAY);
        int node1 = s.indexOf(NODE1);
        int node2 = s.indexOf(NODE2);
        int payload1 = s.indexOf(PAYLOAD1);

        assertThat(s.shallowBytes(node1)).isEqualTo(32);
        assertThat(s.shallowBytes(payload1)).isEqualTo(128);
        assertThat(s.shallowBytes(array)).isEqualTo(48);
        assertThat(a.dominatorTree().immediateDominator(node1)).isEqualTo(array);
        assertThat(a.dominatorTree().immediateDominator(node2)).as("held by both array and node1").isEqualTo(array);
        assertThat(a.dominatorTree().immediateDominator(payload1)).isEqualTo(node1);
        assertThat(a.retainedBytes(node1)).isEqualTo(32 + 128);
        assertThat(a.retainedBytes(node2)).isEqualTo(32 + 80);
        assertThat(a.retainedBytes(array)).isEqualTo(48 + 32 + 128 + 32 + 80);

        int node = s.classes().find("com.acme.Node");
        assertThat(a.histogram().instances(node)).isEqualTo(2);
        assertThat(a.histogram().shallowBytes(node)).isEqualTo(64);
        assertThat(a.histogram().retainedBytes(node)).isEqualTo(32 + 128 + 32 + 80);
        assertThat(a.unreachableHistogram().instances(node)).as("the orphan").isEqualTo(1);
        // 6 classes + MAT's <system class loader> + array + 2 nodes + 2 payloads
        assertThat(a.liveObjects()).isEqualTo(12);
        assertThat(a.liveClasses()).isEqualTo(6);
    }

    @Test
    void keepUnreachableMakesTheOrphanARoot() throws IOException {
        HeapSnapshot s = HeapLoader.load(TinyDumps.linkedNodes().writeTo(dir.resolve("tiny.hprof")), 0);
        HeapAnalysis a = HeapAnalysis.of(s, true);
        assertThat(a.liveObjects()).isEqualTo(13);
        assertThat(a.unreachableHistogram().totalInstances()).isZero();
        assertThat(a.isGcRoot(s.indexOf(TinyDumps.ORPHAN))).isTrue();
    }

    @Test
    void pathsNameTheFieldsThatHoldEachObject() throws IOException {
        HeapSnapshot s = HeapLoader.load(TinyDumps.linkedNodes().writeTo(dir.resolve("tiny.hprof")), 0);
        ShortestPaths paths = ShortestPaths.compute(s.graph());
        int payload1 = s.indexOf(PAYLOAD1);
        int[] path = paths.pathTo(payload1);
        assertThat(path).containsExactly(s.indexOf(ARRAY), s.indexOf(NODE1), payload1);
        ObjectInspector inspector = new ObjectInspector(s);
        inspector.load(java.util.Set.of(path[0], path[1]));
        assertThat(inspector.referenceName(path[0], path[1])).isEqualTo("[0]");
        assertThat(inspector.referenceName(path[1], path[2])).isEqualTo("payload");
    }
}

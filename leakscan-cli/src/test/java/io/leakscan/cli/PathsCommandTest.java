package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakscan.testutil.CliRun;
import io.leakscan.testutil.TinyDumps;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leakscan paths}: merged shortest paths from the GC roots. */
class PathsCommandTest {
    @TempDir
    Path dir;

    @Test
    void handBuiltDumpMergesBothNodesUnderTheirArray() throws Exception {
        Path dump = TinyDumps.linkedNodes().writeTo(dir.resolve("tiny.hprof"));
        JsonNode r = InspectCommandTest.json("paths", dump.toString(), "--class", "com.acme.Node", "--format", "json");
        assertThat(r.get("instances").asLong()).isEqualTo(2); // the orphan Node is unreachable
        JsonNode nodes = r.get("nodes");
        assertThat(nodes).hasSize(3);
        JsonNode root = nodes.get(0);
        assertThat(root.get("object").get("address").asText()).isEqualTo("0x" + Long.toHexString(TinyDumps.ARRAY));
        assertThat(root.get("gcRootKinds").get(0).asText()).isEqualTo("JNI Global");
        assertThat(root.get("instances").asLong()).isEqualTo(2);
        assertThat(root.get("shallowBytes").asLong()).isEqualTo(64);
        // NODE1 retains its payload (32 + 128), NODE2 its own (32 + 80)
        assertThat(root.get("retainedBytes").asLong()).isEqualTo(160 + 112);
        assertThat(nodes.get(1).get("parent").asInt()).isZero();
        assertThat(nodes.get(1).get("reference").asText()).isEqualTo("[0]");
        assertThat(nodes.get(1).get("retainedBytes").asLong()).isEqualTo(160);
        assertThat(nodes.get(2).get("reference").asText()).isEqualTo("[1]");
    }

    @Test
    void weakReferencesAreExcludedUnlessAsked() throws Exception {
        String dump = "testdata/sun_jdk5_64bit.hprof.gz";
        JsonNode strong = InspectCommandTest.json("paths", dump, "--class", "java.lang.String", "--top", "0",
                "--format", "json");
        JsonNode all = InspectCommandTest.json("paths", dump, "--class", "java.lang.String", "--top", "0",
                "--include-weak", "--format", "json");
        assertThat(strong.get("instances").asLong()).isEqualTo(492);
        assertThat(all.get("unreachedInstances").asLong()).isZero();
        assertThat(strong.get("unreachedInstances").asLong()).isPositive();
        // with every branch listed, the GC roots' counts add up to the instances that have a path
        for (JsonNode r : new JsonNode[] {strong, all}) {
            long atRoots = 0;
            for (JsonNode n : r.get("nodes")) {
                if (n.get("parent").asInt() < 0) {
                    atRoots += n.get("instances").asLong();
                }
                if (n.get("parent").asInt() >= 0) {
                    JsonNode parent = r.get("nodes").get(n.get("parent").asInt());
                    assertThat(parent.get("instances").asLong()).isGreaterThanOrEqualTo(n.get("instances").asLong());
                    assertThat(n.get("depth").asInt()).isEqualTo(parent.get("depth").asInt() + 1);
                }
            }
            assertThat(atRoots).isEqualTo(r.get("instances").asLong() - r.get("unreachedInstances").asLong());
        }
        // a leaf is a target: String instances only
        JsonNode nodes = strong.get("nodes");
        for (int i = 0; i < nodes.size(); i++) {
            boolean leaf = i + 1 == nodes.size() || nodes.get(i + 1).get("parent").asInt() != i;
            if (leaf) {
                assertThat(nodes.get(i).get("object").get("className").asText()).isEqualTo("java.lang.String");
            }
        }
    }

    @Test
    void helpAndErrors() {
        CliRun help = CliRun.of("paths", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--include-weak").contains("Exit codes:");
        assertThat(CliRun.of("paths", "testdata/sun_jdk5_64bit.hprof.gz").exitCode()).isEqualTo(2);
        CliRun text = CliRun.of("paths", "testdata/sun_jdk5_64bit.hprof.gz", "--class", "java.lang.String", "--top", "2");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("Merged shortest paths from GC roots to 492 instances of java.lang.String")
                .contains("[GC root: System Class").contains("more branches");
    }
}

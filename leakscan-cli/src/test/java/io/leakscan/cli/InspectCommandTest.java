package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakscan.testutil.CliRun;
import io.leakscan.testutil.TinyDumps;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leakscan inspect}: MAT's pinned values on MAT's own test dumps, and exact fields on a hand-built dump. */
class InspectCommandTest {
    static final String JDK5_64 = "testdata/sun_jdk5_64bit.hprof.gz";
    static final String JDK6_32 = "testdata/sun_jdk6_32bit.hprof.gz";
    static final String R = "org.eclipse.mat.tests.CreateSampleDump$DominatorTestData$R";

    @TempDir
    Path dir;

    static JsonNode json(String... args) throws Exception {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void dominatorTestDataRetainsWhatMatsTestsPin() throws Exception {
        // MAT's tests: on sun_jdk5_64bit the single R retains 376 bytes and 13 objects and dominates 8 objects
        JsonNode r = json("inspect", JDK5_64, "--class", R, "--format", "json");
        JsonNode cls = r.get("classes").get(0);
        assertThat(cls.get("instances").asLong()).isEqualTo(1);
        JsonNode o = r.get("objects").get(0);
        assertThat(o.get("object").get("className").asText()).isEqualTo(R);
        assertThat(o.get("object").get("retainedBytes").asLong()).isEqualTo(376);
        assertThat(o.get("retainedObjects").asLong()).isEqualTo(13);
        assertThat(o.get("dominatedCount").asInt()).isEqualTo(8);
        assertThat(o.get("dominated")).hasSize(8);
        for (int i = 1; i < 8; i++) {
            assertThat(o.get("dominated").get(i).get("retainedBytes").asLong())
                    .isLessThanOrEqualTo(o.get("dominated").get(i - 1).get("retainedBytes").asLong());
        }
        // and on sun_jdk6_32bit R retains 224 bytes
        JsonNode r32 = json("inspect", JDK6_32, "--class", R, "--format", "json");
        assertThat(r32.get("objects").get(0).get("object").get("retainedBytes").asLong()).isEqualTo(224);
    }

    @Test
    void classTotalsMatchMatsInstanceCounts() throws Exception {
        // MAT's tests: 492 java.lang.String instances, 21 instances of java.lang.ref.Reference and its subclasses
        JsonNode strings = json("inspect", JDK5_64, "--class", "java.lang.String", "--top", "3", "--format", "json");
        JsonNode s = strings.get("classes").get(0);
        assertThat(s.get("instances").asLong()).isEqualTo(492);
        assertThat(s.get("biggestInstances")).hasSize(3);
        assertThat(strings.get("objects")).hasSize(3);
        // a String shows its text first
        JsonNode firstField = strings.get("objects").get(0).get("fields").get(0);
        assertThat(firstField.get("name").asText()).isEqualTo("<value>");
        assertThat(firstField.get("value").asText()).startsWith("\"");

        JsonNode refs = json("inspect", JDK5_64, "--class", "java.lang.ref.Reference", "--subclasses", "--top", "1",
                "--format", "json");
        JsonNode c = refs.get("classes").get(0);
        assertThat(c.get("instances").asLong()).isEqualTo(21);
        assertThat(c.get("includesSubclasses").asBoolean()).isTrue();
        JsonNode plain = json("inspect", JDK5_64, "--class", "java.lang.ref.Reference", "--class",
                "java.lang.ref.Finalizer", "--format", "json");
        assertThat(plain.get("classes").get(0).get("instances").asLong()).isLessThan(21);
        // taking more objects away frees at least as much: the group retains no less than any of its classes
        for (JsonNode one : plain.get("classes")) {
            assertThat(c.get("retainedBytes").asLong()).isGreaterThanOrEqualTo(one.get("retainedBytes").asLong());
        }
    }

    @Test
    void anAddressAsPrintedInspectsThatObject() throws Exception {
        JsonNode byClass = json("inspect", JDK5_64, "--class", R, "--format", "json");
        String address = byClass.get("objects").get(0).get("object").get("address").asText();
        JsonNode byAddress = json("inspect", JDK5_64, address, "--referrers", "--format", "json");
        JsonNode o = byAddress.get("objects").get(0);
        assertThat(o.get("object").get("address").asText()).isEqualTo(address);
        assertThat(o.get("retainedObjects").asLong()).isEqualTo(13);
        // R's fields a, b, c point at the A, B, C of the test data
        assertThat(o.get("fields").findValuesAsText("name")).contains("a", "b", "c");
        // its dominator refers to it, and the path from a GC root ends at it
        String dominator = o.get("immediateDominator").get("object").asText();
        java.util.List<String> referrers = new java.util.ArrayList<>();
        o.get("referrers").forEach(x -> referrers.add(x.get("object").get("object").asText()));
        assertThat(referrers).contains(dominator);
        assertThat(o.get("referrerCount").asLong()).isEqualTo(o.get("referrers").size());
        JsonNode path = o.get("pathFromGcRoot");
        assertThat(path.get(path.size() - 1).get("object").asText()).isEqualTo(o.get("object").get("object").asText());

        CliRun text = CliRun.of("inspect", JDK5_64, address);
        assertThat(text.out()).contains("retained          376 B (376 bytes)").contains("13 objects")
                .contains("immediately dominates 8 objects");
    }

    @Test
    void fieldsOfAHandBuiltDumpAreTheBytesWritten() throws Exception {
        Path dump = TinyDumps.linkedNodes().writeTo(dir.resolve("tiny.hprof"));
        JsonNode r = json("inspect", dump.toString(), "0x" + Long.toHexString(TinyDumps.NODE1), "--referrers",
                "--format", "json");
        JsonNode node1 = r.get("objects").get(0);
        // Node = 32 bytes, its byte[100] payload 128: NODE2 is also held by the array, so not retained
        assertThat(node1.get("object").get("retainedBytes").asLong()).isEqualTo(32 + 128);
        assertThat(node1.get("retainedObjects").asLong()).isEqualTo(2);
        JsonNode fields = node1.get("fields");
        assertThat(fields.get(0).get("name").asText()).isEqualTo("next");
        assertThat(fields.get(0).get("address").asText()).isEqualTo("0x" + Long.toHexString(TinyDumps.NODE2));
        assertThat(fields.get(0).get("value").asText()).isEqualTo("com.acme.Node @ 0x1020");
        assertThat(fields.get(1).get("name").asText()).isEqualTo("payload");
        assertThat(fields.get(1).get("value").asText()).startsWith("byte[100] @ 0x2000 {0, 0, 0, 0, 0, 0, 0, 0, …}");
        JsonNode referrers = node1.get("referrers");
        assertThat(referrers).hasSize(1);
        assertThat(referrers.get(0).get("reference").asText()).isEqualTo("[0]");
        assertThat(referrers.get(0).get("object").get("address").asText())
                .isEqualTo("0x" + Long.toHexString(TinyDumps.ARRAY));
        assertThat(node1.get("immediateDominator").get("address").asText())
                .isEqualTo("0x" + Long.toHexString(TinyDumps.ARRAY));

        // the orphan Node no root reaches: inspected, but with nothing retained
        JsonNode orphan = json("inspect", dump.toString(), "0x" + Long.toHexString(TinyDumps.ORPHAN), "--format", "json")
                .get("objects").get(0);
        assertThat(orphan.get("reachable").asBoolean()).isFalse();
        assertThat(orphan.get("object").get("retainedBytes").asLong()).isZero();
        assertThat(orphan.get("immediateDominator").isNull()).isTrue();
        assertThat(orphan.get("pathFromGcRoot")).isEmpty();
        assertThat(node1.get("reachable").asBoolean()).isTrue();

        JsonNode array = json("inspect", dump.toString(), "0x" + Long.toHexString(TinyDumps.ARRAY), "--format", "json")
                .get("objects").get(0);
        assertThat(array.get("fields").findValuesAsText("name")).containsExactly("[0]", "[1]");
        assertThat(array.get("gcRootKinds").get(0).asText()).isEqualTo("JNI Global");
        assertThat(array.get("dominatedCount").asInt()).isEqualTo(2);
    }

    @Test
    void unknownObjectsAndClassesAreUsageErrors() throws Exception {
        CliRun noObject = CliRun.of("inspect", JDK5_64, "0x1");
        assertThat(noObject.exitCode()).isEqualTo(2);
        assertThat(noObject.err()).contains("no object at 0x1");
        CliRun noClass = CliRun.of("inspect", JDK5_64, "--class", "com.acme.Missing");
        assertThat(noClass.exitCode()).isEqualTo(2);
        assertThat(noClass.err()).contains("no class com.acme.Missing");
        assertThat(CliRun.of("inspect", JDK5_64, "zz").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("inspect", JDK5_64).exitCode()).isEqualTo(2);
        CliRun help = CliRun.of("inspect", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--referrers").contains("--class").contains("Exit codes:");
    }
}

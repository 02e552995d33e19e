package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakscan.heap.HeapLoader;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.scenario.ScenarioSupport;
import io.leakscan.scenario.WasteScenario;
import io.leakscan.testutil.CliRun;
import io.leakscan.testutil.HprofWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leakscan waste}: figures known by construction, on a hand-built dump and on a real JVM's dump. */
class WasteCommandTest {
    @TempDir
    Path dir;

    // classes
    static final long OBJECT = 0x100;
    static final long CLASS = 0x110;
    static final long STRING = 0x120;
    static final long BYTES = 0x130;
    static final long INTS = 0x140;
    static final long OBJECTS = 0x150;
    static final long HASHMAP = 0x160;
    static final long NODES = 0x170;
    static final long ARRAYLIST = 0x180;
    static final long INTEGER = 0x190;
    static final long NODE = 0x1a0;

    /**
     * 64-bit ids, no compressed oops, so: instance = 16 + fields, array = 24 + data, aligned to 8. A
     * String (one reference) is 24 bytes, byte[5] 32, byte[0] 24, int[3] 40, HashMap and ArrayList
     * (a reference and an int) 32, Integer 24.
     */
    static HprofWriter wastefulDump() {
        HprofWriter w = new HprofWriter(8);
        w.loadClass(1, OBJECT, "java/lang/Object").loadClass(2, CLASS, "java/lang/Class")
                .loadClass(3, STRING, "java/lang/String").loadClass(4, BYTES, "[B").loadClass(5, INTS, "[I")
                .loadClass(6, OBJECTS, "[Ljava/lang/Object;").loadClass(7, HASHMAP, "java/util/HashMap")
                .loadClass(8, NODES, "[Ljava/util/HashMap$Node;").loadClass(9, ARRAYLIST, "java/util/ArrayList")
                .loadClass(10, INTEGER, "java/lang/Integer").loadClass(11, NODE, "java/util/HashMap$Node")
                .utf8(0x900, "value").utf8(0x901, "table").utf8(0x902, "size").utf8(0x903, "elementData");
        w.startHeapDump()
                .classDump(OBJECT, 0, 0, new long[0], new long[0])
                .classDump(CLASS, OBJECT, 0, new long[0], new long[0])
                .classDump(STRING, OBJECT, 8, new long[0], new long[] {0x900, HprofWriter.OBJECT})
                .classDump(BYTES, OBJECT, 0, new long[0], new long[0])
                .classDump(INTS, OBJECT, 0, new long[0], new long[0])
                .classDump(OBJECTS, OBJECT, 0, new long[0], new long[0])
                .classDump(HASHMAP, OBJECT, 12, new long[0], new long[] {0x901, HprofWriter.OBJECT, 0x902, HprofWriter.INT})
                .classDump(NODES, OBJECT, 0, new long[0], new long[0])
                .classDump(ARRAYLIST, OBJECT, 12, new long[0], new long[] {0x903, HprofWriter.OBJECT, 0x902, HprofWriter.INT})
                .classDump(INTEGER, OBJECT, 4, new long[0], new long[] {0x900, HprofWriter.INT})
                .classDump(NODE, OBJECT, 0, new long[0], new long[0]);
        for (long c : new long[] {OBJECT, CLASS, STRING, BYTES, INTS, OBJECTS, HASHMAP, NODES, ARRAYLIST, INTEGER, NODE}) {
            w.rootStickyClass(c);
        }
        long holder = 0x50000; // arrays far apart: MAT's rule reads overlapping 64-bit arrays as compressed oops
        long[] held = new long[] {0x1001, 0x1002, 0x1003, 0x1004, 0x1005, 0x2001, 0x2002, 0x2003, 0x3001, 0x3002,
            0x3003, 0x4001, 0x4002, 0x4003, 0x4004, 0x4005};
        w.rootJniGlobal(holder).objectArray(holder, OBJECTS, held);
        byte[] hello = "hello".getBytes(StandardCharsets.ISO_8859_1);
        // four Strings "hello" on three arrays (0x1005 shares 0x1001's), one "world"
        w.instance(0x1001, STRING, 0x1101).instance(0x1002, STRING, 0x1102).instance(0x1003, STRING, 0x1103)
                .instance(0x1004, STRING, 0x1104).instance(0x1005, STRING, 0x1101)
                .primitiveArray(0x1101, HprofWriter.BYTE, 5, hello).primitiveArray(0x1102, HprofWriter.BYTE, 5, hello)
                .primitiveArray(0x1103, HprofWriter.BYTE, 5, hello)
                .primitiveArray(0x1104, HprofWriter.BYTE, 5, "world".getBytes(StandardCharsets.ISO_8859_1));
        // three equal int[3] {1, 2, 3}, and one int[3] {1, 2, 4}
        byte[] oneTwoThree = {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3};
        w.primitiveArray(0x2001, HprofWriter.INT, 3, oneTwoThree).primitiveArray(0x2002, HprofWriter.INT, 3, oneTwoThree)
                .primitiveArray(0x2003, HprofWriter.INT, 3, oneTwoThree);
        // three byte[0]
        w.byteArray(0x3001, 0).byteArray(0x3002, 0).byteArray(0x3003, 0);
        // an empty HashMap without a table; a HashMap of 1 in a table of 16; an ArrayList of 1 in 10; one of 10 in 100.
        // Entries are counted from the graph (the container registry), so each one is really there.
        long[] tenOfHundred = new long[100];
        for (int i = 0; i < 10; i++) {
            tenOfHundred[i] = 0x4300 + i;
            w.instance(0x4300 + i, OBJECT);
        }
        w.instanceRaw(0x4001, HASHMAP, fields(0, 0))
                .instanceRaw(0x4002, HASHMAP, fields(0x60000, 1))
                .objectArray(0x60000, NODES, 0x4201, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                .instance(0x4201, NODE)
                .instance(0x4202, OBJECT)
                .instanceRaw(0x4003, ARRAYLIST, fields(0x70000, 1))
                .objectArray(0x70000, OBJECTS, 0x4202, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                .instanceRaw(0x4004, ARRAYLIST, fields(0x80000, 10))
                .objectArray(0x80000, OBJECTS, tenOfHundred)
                .instanceRaw(0x4005, INTEGER, new byte[] {0, 0, 0, 42});
        return w.endHeapDump();
    }

    private static byte[] fields(long ref, int size) {
        return java.nio.ByteBuffer.allocate(12).putLong(ref).putInt(size).array();
    }

    @Test
    void handBuiltDumpHasExactlyTheWasteItWasBuiltWith() throws Exception {
        Path dump = wastefulDump().writeTo(dir.resolve("waste.hprof"));
        JsonNode r = InspectCommandTest.json("waste", dump.toString(), "--format", "json", "--top", "0");
        JsonNode s = r.get("duplicateStrings");
        assertThat(s).hasSize(1);
        assertThat(s.get(0).get("value").asText()).isEqualTo("\"hello\"");
        assertThat(s.get(0).get("count").asLong()).isEqualTo(4);
        assertThat(s.get(0).get("distinctArrays").asLong()).isEqualTo(3);
        assertThat(s.get(0).get("savedBytes").asLong()).isEqualTo(3 * 24 + 2 * 32);
        assertThat(s.get(0).get("holders").get(0).get("holder").asText()).isEqualTo("element of java.lang.Object[]");
        assertThat(s.get(0).get("holders").get(0).get("count").asLong()).isEqualTo(4);
        JsonNode a = r.get("duplicateArrays");
        assertThat(a).hasSize(1);
        assertThat(a.get(0).get("className").asText()).isEqualTo("int[]");
        assertThat(a.get(0).get("count").asLong()).isEqualTo(3);
        assertThat(a.get(0).get("savedBytes").asLong()).isEqualTo(2 * 40);
        assertThat(a.get(0).get("firstElements").asText()).isEqualTo("{1, 2, 3}");
        assertThat(category(r, "zero-length-arrays")).isEqualTo(2 * 24);
        assertThat(category(r, "boxed-numbers")).isEqualTo(24 + 8 - 4);
        assertThat(category(r, "empty-collections")).isEqualTo(32);
        // HashMap of 1 needs a table of 2: 14 slots of 8 bytes spare; ArrayList of 1 in 10: 9 slots
        assertThat(category(r, "nearly-empty-collections")).isEqualTo(14 * 8 + 9 * 8);
        assertThat(category(r, "low-fill-collections")).isEqualTo(90 * 8);
        long total = 136 + 80 + 48 + 28 + 32 + 184 + 720;
        assertThat(r.get("savedBytes").asLong()).isEqualTo(total);
        assertThat(r.get("savedPercent").asDouble())
                .isEqualTo(Math.round(total * 100_000.0 / r.get("usedHeapBytes").asLong()) / 1000.0);
        // categories biggest first
        JsonNode c = r.get("categories");
        for (int i = 1; i < c.size(); i++) {
            assertThat(c.get(i).get("savedBytes").asLong()).isLessThanOrEqualTo(c.get(i - 1).get("savedBytes").asLong());
        }
    }

    private static long category(JsonNode r, String kind) {
        for (JsonNode c : r.get("categories")) {
            if (c.get("kind").asText().equals(kind)) {
                return c.get("savedBytes").asLong();
            }
        }
        throw new AssertionError("no category " + kind);
    }

    @Test
    void jdk6SubstringsSharingAnArrayAreNotCopies() throws Exception {
        long chars = 0x200;
        HprofWriter w = new HprofWriter(8);
        w.loadClass(1, OBJECT, "java/lang/Object").loadClass(2, CLASS, "java/lang/Class")
                .loadClass(3, STRING, "java/lang/String").loadClass(4, chars, "[C")
                .loadClass(6, OBJECTS, "[Ljava/lang/Object;")
                .utf8(0x900, "value").utf8(0x904, "offset").utf8(0x905, "count");
        w.startHeapDump()
                .classDump(OBJECT, 0, 0, new long[0], new long[0])
                .classDump(CLASS, OBJECT, 0, new long[0], new long[0])
                .classDump(STRING, OBJECT, 16, new long[0],
                        new long[] {0x900, HprofWriter.OBJECT, 0x904, HprofWriter.INT, 0x905, HprofWriter.INT})
                .classDump(chars, OBJECT, 0, new long[0], new long[0])
                .classDump(OBJECTS, OBJECT, 0, new long[0], new long[0]);
        for (long c : new long[] {OBJECT, CLASS, STRING, chars, OBJECTS}) {
            w.rootStickyClass(c);
        }
        byte[] helloWorld = "hello world".getBytes(StandardCharsets.UTF_16BE);
        // S1 is all of A1, S2 and S3 are substrings of it; S4 is all of A2, a copy of A1
        w.rootJniGlobal(0x50000).objectArray(0x50000, OBJECTS, 0x1001, 0x1002, 0x1003, 0x1004)
                .instanceRaw(0x1001, STRING, stringFields(0x60000, 0, 11))
                .instanceRaw(0x1002, STRING, stringFields(0x60000, 0, 5))
                .instanceRaw(0x1003, STRING, stringFields(0x60000, 6, 5))
                .instanceRaw(0x1004, STRING, stringFields(0x70000, 0, 11))
                .primitiveArray(0x60000, HprofWriter.CHAR, 11, helloWorld)
                .primitiveArray(0x70000, HprofWriter.CHAR, 11, helloWorld)
                .endHeapDump();
        Path dump = w.writeTo(dir.resolve("jdk6.hprof"));
        JsonNode r = InspectCommandTest.json("waste", dump.toString(), "--format", "json");
        JsonNode s = r.get("duplicateStrings");
        assertThat(s).hasSize(1);
        assertThat(s.get(0).get("value").asText()).isEqualTo("\"hello world\"");
        assertThat(s.get(0).get("count").asLong()).isEqualTo(2);
        // a String of a reference and two ints: 16 + 16 = 32 bytes; char[11]: 24 + 22, aligned: 48
        assertThat(s.get(0).get("savedBytes").asLong()).isEqualTo(32 + 48);
        assertThat(category(r, "duplicate-arrays")).isZero(); // Strings' arrays are counted as strings
    }

    private static byte[] stringFields(long value, int offset, int count) {
        return java.nio.ByteBuffer.allocate(16).putLong(value).putInt(offset).putInt(count).array();
    }

    @Test
    void realJvmDumpShowsTheScenariosWaste() throws Exception {
        Path dump = dir.resolve("waste.hprof");
        ScenarioSupport.run(ScenarioSupport.javaLaunchers().get(0), WasteScenario.class, dump.toString());
        HeapSnapshot snapshot = HeapLoader.load(dump, 0);
        int refBytes = snapshot.info().compressedOops() ? 4 : snapshot.info().idSize();
        JsonNode r = InspectCommandTest.json("waste", dump.toString(), "--format", "json", "--top", "0");

        JsonNode copies = null;
        for (JsonNode d : r.get("duplicateStrings")) {
            if (d.get("value").asText().equals("\"" + WasteScenario.text() + "\"")) {
                copies = d;
            }
        }
        assertThat(copies).as("the scenario's duplicated text").isNotNull();
        assertThat(copies.get("count").asLong()).isEqualTo(WasteScenario.COPIES);
        assertThat(copies.get("distinctArrays").asLong()).isEqualTo(WasteScenario.COPIES);
        int example = snapshot.indexOf(Long.parseUnsignedLong(copies.get("example").asText().substring(2), 16));
        long stringBytes = snapshot.shallowBytes(example);
        long arrayBytes = snapshot.shallowBytes(snapshot.fieldTarget(example, "value"));
        assertThat(copies.get("savedBytes").asLong()).isEqualTo((WasteScenario.COPIES - 1) * (stringBytes + arrayBytes));
        // all copies sit in the scenario's list: one holder, holding every copy
        assertThat(copies.get("holders")).hasSize(1);
        assertThat(copies.get("holders").get(0).get("holder").asText()).isEqualTo("element of java.lang.Object[]");
        assertThat(copies.get("holders").get(0).get("count").asLong()).isEqualTo(WasteScenario.COPIES);

        String prefix = WasteScenario.class.getName();
        JsonNode empty = collection(r, prefix + "$EmptyMap", "empty");
        long mapBytes = snapshot.classes().instanceBytes(snapshot.classes().find(prefix + "$EmptyMap"));
        assertThat(empty.get("instances").asLong()).isEqualTo(WasteScenario.EMPTY_MAPS);
        assertThat(empty.get("savedBytes").asLong()).isEqualTo(WasteScenario.EMPTY_MAPS * mapBytes);
        JsonNode sparse = collection(r, prefix + "$SparseList", "nearly-empty");
        assertThat(sparse.get("instances").asLong()).isEqualTo(WasteScenario.SPARSE_LISTS);
        assertThat(sparse.get("elements").asLong()).isEqualTo(WasteScenario.SPARSE_LISTS);
        assertThat(sparse.get("capacity").asLong()).isEqualTo(WasteScenario.SPARSE_LISTS * 100L);
        assertThat(sparse.get("savedBytes").asLong()).isEqualTo(WasteScenario.SPARSE_LISTS * 99L * refBytes);
        JsonNode wide = collection(r, prefix + "$WideList", "low-fill");
        assertThat(wide.get("instances").asLong()).isEqualTo(WasteScenario.WIDE_LISTS);
        assertThat(wide.get("savedBytes").asLong()).isEqualTo(WasteScenario.WIDE_LISTS * 54L * refBytes);

        JsonNode ints = null;
        for (JsonNode d : r.get("duplicateArrays")) {
            if (d.get("className").asText().equals("int[]") && d.get("length").asInt() == 20
                    && d.get("firstElements").asText().startsWith("{1000, 1007, 1014")) {
                ints = d;
            }
        }
        assertThat(ints).as("the scenario's int[20] copies").isNotNull();
        assertThat(ints.get("count").asLong()).isEqualTo(WasteScenario.ARRAYS);
        int anArray = snapshot.indexOf(Long.parseUnsignedLong(ints.get("example").asText().substring(2), 16));
        assertThat(ints.get("savedBytes").asLong()).isEqualTo((WasteScenario.ARRAYS - 1) * snapshot.shallowBytes(anArray));
    }

    private static JsonNode collection(JsonNode r, String className, String kind) {
        for (JsonNode c : r.get("collections")) {
            if (c.get("className").asText().equals(className) && c.get("kind").asText().equals(kind)) {
                return c;
            }
        }
        throw new AssertionError("no " + kind + " row for " + className);
    }

    @Test
    void helpAndText() throws Exception {
        CliRun help = CliRun.of("waste", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("docs/waste.md").contains("Exit codes:");
        Path dump = wastefulDump().writeTo(dir.resolve("w.hprof"));
        CliRun text = CliRun.of("waste", dump.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("Memory waste: 1.2 KiB could be saved").contains("\"hello\"")
                .contains("low-fill").contains("java.util.ArrayList");
    }
}

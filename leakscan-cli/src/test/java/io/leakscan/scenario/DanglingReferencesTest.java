package io.leakscan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakscan.testutil.CliRun;
import io.leakscan.testutil.HprofWriter;
import io.leakscan.testutil.TinyDumps;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * References to objects missing from the dump: HotSpot leaves some objects out (with G1 and the default
 * CDS archive, archived objects not in use, still named by the archive's root array), so every healthy
 * dump has some, all from arrays. The line is shown only when some come from fields (unusual), or with
 * --verbose; JSON always has both counts.
 */
class DanglingReferencesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aHealthyG1DumpShowsNoDanglingLineUnlessVerbose() throws Exception {
        Path dump = dir.resolve("g1.hprof");
        ScenarioSupport.run(Path.of(System.getProperty("java.home"), "bin", "java"), List.of("-Xmx256m", "-XX:+UseG1GC"),
                BusyThreadScenario.class, dump.toString());
        JsonNode s = JSON.readTree(CliRun.of("analyze", dump.toString(), "--format", "json").out()).get("snapshot");
        long dangling = s.get("danglingReferences").asLong();
        assertThat(s.get("danglingReferencesFromArrays").asLong()).as("all from arrays").isEqualTo(dangling);
        assertThat(CliRun.of("analyze", dump.toString()).out()).doesNotContain("dangling");
        String verbose = CliRun.of("analyze", dump.toString(), "--verbose").out();
        if (dangling > 0) {
            assertThat(verbose).contains("references from arrays to objects the JVM left out of the dump (usual");
        }
    }

    @Test
    void anOldHotSpotDumpWithDanglingArrayElementsShowsTheLineOnlyWithVerbose() throws Exception {
        String dump = "testdata/sun_jdk6_18_x64.hprof.gz";
        JsonNode s = JSON.readTree(CliRun.of("analyze", dump, "--format", "json").out()).get("snapshot");
        assertThat(s.get("danglingReferences").asLong()).isEqualTo(433);
        assertThat(s.get("danglingReferencesFromArrays").asLong()).isEqualTo(433);
        assertThat(CliRun.of("analyze", dump).out()).doesNotContain("dangling");
        assertThat(CliRun.of("analyze", dump, "-v").out()).contains("dangling     433 references from arrays");
    }

    @Test
    void aFieldNamingAMissingObjectIsUnusualAndShown() throws Exception {
        // node1.next names 0xdead, which the dump does not hold: a damaged dump, not HotSpot's omissions.
        HprofWriter w = new HprofWriter(8);
        w.loadClass(1, TinyDumps.OBJECT, "java/lang/Object").loadClass(4, TinyDumps.NODE, "com/acme/Node")
                .utf8(0x900, "next");
        w.startHeapDump()
                .classDump(TinyDumps.OBJECT, 0, 0, new long[0], new long[0])
                .classDump(TinyDumps.NODE, TinyDumps.OBJECT, 8, new long[0], new long[] {0x900, HprofWriter.OBJECT})
                .rootStickyClass(TinyDumps.OBJECT).rootStickyClass(TinyDumps.NODE)
                .rootJniGlobal(TinyDumps.NODE1)
                .instance(TinyDumps.NODE1, TinyDumps.NODE, 0xdead)
                .endHeapDump();
        Path dump = w.writeTo(dir.resolve("damaged.hprof"));
        CliRun run = CliRun.of("analyze", dump.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("dangling     1 references to objects missing from the dump (ignored), 1 of"
                + " them from fields");
    }
}

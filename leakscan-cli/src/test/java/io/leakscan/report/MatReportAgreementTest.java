package io.leakscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakscan.hprof.HprofInput;
import io.leakscan.hprof.HprofParser;
import io.leakscan.hprof.HprofSubTag;
import io.leakscan.hprof.HprofVisitor;
import io.leakscan.testutil.CliRun;
import io.leakscan.testutil.MatCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rest of what {@code analyze} reports equals what Eclipse MAT wrote for the same dumps
 * ({@code testdata/mat-output/<run>/default/}): the top 25 dominators ({@code domtree.csv}), the GC
 * roots by kind ({@code gcroots.csv}) and the histogram of unreachable objects ({@code unreachable.csv}).
 */
class MatReportAgreementTest {
    static final Path TESTDATA = Path.of("testdata");
    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> runs() {
        return io.leakscan.testutil.MatRuns.projectDumps();
    }

    private static JsonNode analyze(String dump, int snapshot) throws IOException {
        List<String> args = new ArrayList<>(List.of("analyze", TESTDATA.resolve(dump).toString(), "--format", "json",
                "--top", "0", "-q"));
        if (snapshot > 0) {
            args.addAll(List.of("--snapshot", String.valueOf(snapshot)));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static Path mat(String run) {
        return TESTDATA.resolve("mat-output").resolve(run).resolve("default");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("runs")
    void top25DominatorsEqualMatsDomtree(String dump, String run, int snapshot) throws IOException {
        List<String> matRows = new ArrayList<>();
        for (String[] r : MatCsv.read(mat(run).resolve("domtree.csv"))) {
            if (!r[0].equals("Class Name")) {
                matRows.add(key(address(r[0]), Long.parseLong(r[1]), Long.parseLong(r[2])));
            }
        }
        assertThat(matRows).hasSize(25);
        JsonNode dominators = analyze(dump, snapshot).get("dominators");
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            JsonNode o = dominators.get(i).get("object");
            ours.add(key(o.get("address").asText(), o.get("shallowBytes").asLong(), o.get("retainedBytes").asLong()));
        }
        // Sorted by retained size, then address: objects of equal retained size may come in either order.
        matRows.sort(null);
        ours.sort(null);
        assertThat(ours).as("top 25 dominators: retained|address|shallow").containsExactlyElementsOf(matRows);
    }

    private static String key(String address, long shallow, long retained) {
        return String.format("%015d|%s|%d", retained, address, shallow);
    }

    /**
     * MAT's GC roots view counts root records per kind (a class named by two sticky-class records counts
     * twice); leakscan counts distinct objects. Both are checked against the dump's own root records.
     */
    @ParameterizedTest(name = "{1}")
    @MethodSource("runs")
    void gcRootsByKindEqualMatsGcroots(String dump, String run, int snapshot) throws IOException {
        Map<String, Long> matRecords = new TreeMap<>();
        for (String[] r : MatCsv.read(mat(run).resolve("gcroots.csv"))) {
            if (!r[0].equals("Class Name")) {
                matRecords.put(r[0], MatCsv.number(r[1]));
            }
        }
        Map<String, Long> ourObjects = new TreeMap<>();
        for (JsonNode k : analyze(dump, snapshot).get("gcRoots")) {
            ourObjects.put(k.get("kind").asText(), k.get("objects").asLong());
        }
        RootRecords records = RootRecords.of(TESTDATA.resolve(dump), snapshot);
        assertThat(ourObjects.keySet()).as("kinds").isEqualTo(matRecords.keySet());
        for (String kind : matRecords.keySet()) {
            assertThat(records.records(kind)).as(kind + ": root records in the dump = MAT's count")
                    .isEqualTo(matRecords.get(kind));
            assertThat(ourObjects.get(kind)).as(kind + ": leakscan's objects = distinct objects of those records")
                    .isEqualTo(records.distinctObjects(kind));
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("runs")
    void unreachableHistogramEqualsMats(String dump, String run, int snapshot) throws IOException {
        List<String> matRows = new ArrayList<>();
        for (String[] r : MatCsv.read(mat(run).resolve("unreachable.csv"))) {
            if (!r[0].equals("Class Name") && r.length >= 3 && !r[1].isEmpty()) {
                matRows.add(r[0] + "|" + MatCsv.number(r[1]) + "|" + MatCsv.number(r[2]));
            }
        }
        List<String> ours = new ArrayList<>();
        for (JsonNode row : analyze(dump, snapshot).get("unreachable")) {
            ours.add(row.get("className").asText() + "|" + row.get("instances").asLong() + "|"
                    + row.get("shallowBytes").asLong());
        }
        assertThat(matRows).isNotEmpty();
        assertThat(ours).as("unreachable: class|objects|shallow").containsExactlyInAnyOrderElementsOf(matRows);
    }

    private static String address(String matObject) {
        int at = matObject.indexOf("@ 0x");
        int end = matObject.indexOf(' ', at + 2);
        return matObject.substring(at + 2, end < 0 ? matObject.length() : end);
    }

    /**
     * The dump's root records by MAT's kind name, read with leakscan's HPROF reader (the byte layer,
     * below the model the report is built from). Stack roots whose thread object came earlier in the file
     * (and not 0) belong to that thread and are no root of their own, for MAT as for leakscan
     * (docs/semantics.md).
     */
    static final class RootRecords implements HprofVisitor {
        private final int wanted;
        private final Map<String, Long> records = new HashMap<>();
        private final Map<String, Set<Long>> objects = new HashMap<>();
        private final Map<Integer, Long> threadObjects = new HashMap<>();

        private RootRecords(int wanted) {
            this.wanted = wanted;
        }

        static RootRecords of(Path dump, int snapshot) {
            RootRecords v = new RootRecords(snapshot <= 0 ? 0 : snapshot - 1);
            try (HprofInput in = HprofInput.open(dump)) {
                new HprofParser(in, v).parse();
            }
            return v;
        }

        long records(String kind) {
            return records.getOrDefault(kind, 0L);
        }

        long distinctObjects(String kind) {
            return objects.getOrDefault(kind, Set.of()).size();
        }

        @Override
        public boolean wantsHeapDump(int dumpIndex) {
            return dumpIndex == wanted;
        }

        @Override
        public void gcRoot(int subTag, long objectId, int threadSerial, int frameNumber, long offset) {
            String kind = switch (subTag) {
                case HprofSubTag.ROOT_UNKNOWN -> "Unknown";
                case HprofSubTag.ROOT_JNI_GLOBAL -> "JNI Global";
                case HprofSubTag.ROOT_STICKY_CLASS -> "System Class";
                case HprofSubTag.ROOT_MONITOR_USED -> "Busy Monitor";
                case HprofSubTag.ROOT_THREAD_OBJECT -> "Thread";
                case HprofSubTag.ROOT_JNI_LOCAL -> "JNI Local";
                case HprofSubTag.ROOT_JAVA_FRAME -> "Java Local";
                case HprofSubTag.ROOT_NATIVE_STACK -> "Native Stack";
                case HprofSubTag.ROOT_THREAD_BLOCK -> "Thread Block";
                default -> "other " + subTag;
            };
            boolean stack = subTag == HprofSubTag.ROOT_JNI_LOCAL || subTag == HprofSubTag.ROOT_JAVA_FRAME
                    || subTag == HprofSubTag.ROOT_NATIVE_STACK || subTag == HprofSubTag.ROOT_THREAD_BLOCK;
            if (subTag == HprofSubTag.ROOT_THREAD_OBJECT) {
                threadObjects.put(threadSerial, objectId);
            }
            // A thread object id of 0 (the hprof agent's own thread) owns nothing: its stack roots stay roots.
            if (stack && threadObjects.getOrDefault(threadSerial, 0L) != 0) {
                return;
            }
            records.merge(kind, 1L, Long::sum);
            objects.computeIfAbsent(kind, k -> new HashSet<>()).add(objectId);
        }
    }
}

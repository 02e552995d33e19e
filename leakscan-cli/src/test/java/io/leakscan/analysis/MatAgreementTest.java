package io.leakscan.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.heap.HeapLoader;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.testutil.MatCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * leakscan's numbers equal Eclipse MAT's on real dumps from old JVMs: objects, classes, GC roots, used
 * heap, every histogram row (instances, shallow and exact retained bytes) and the leak suspects.
 * Runs on the dumps copied into {@code testdata/} with MAT's output in both modes (default and
 * {@code --keep-unreachable}), and on every dump of {@code ../shared/testdata/mat} when that folder is
 * present (a clean clone without it still runs the project's seven).
 */
class MatAgreementTest {
    static final Path PROJECT = Path.of("testdata");
    static final Path SHARED = Path.of("..", "shared", "testdata", "mat");

    static Stream<Arguments> projectDumps() {
        return io.leakscan.testutil.MatRuns.projectDumps();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("projectDumps")
    void projectDumpsMatchMat(String dump, String matRun, int snapshot) throws IOException {
        check(PROJECT.resolve(dump), PROJECT.resolve("mat-output").resolve(matRun).resolve("default"), snapshot);
    }

    /** MAT's {@code keep_unreachable_objects} output, copied into testdata/ so a clean clone runs this too. */
    @ParameterizedTest(name = "keep-unreachable {1}")
    @MethodSource("projectDumps")
    void projectDumpsMatchMatKeepingUnreachable(String dump, String matRun, int snapshot) throws IOException {
        check(PROJECT.resolve(dump), PROJECT.resolve("mat-output").resolve(matRun).resolve("keep"), snapshot, true);
    }

    static Stream<Arguments> sharedDumps() throws IOException {
        if (!Files.isDirectory(SHARED.resolve("mat-output"))) {
            return Stream.of(Arguments.of("(../shared/testdata/mat not present)", 0, ""));
        }
        List<Arguments> args = new ArrayList<>();
        try (Stream<Path> runs = Files.list(SHARED.resolve("mat-output"))) {
            for (Path run : (Iterable<Path>) runs.sorted()::iterator) {
                String name = run.getFileName().toString();
                if (name.startsWith("compare_") || !Files.isDirectory(run.resolve("default"))) {
                    continue;
                }
                int snapshot = 0;
                String dump = name;
                if (name.matches(".*_S\\d+")) {
                    snapshot = Integer.parseInt(name.substring(name.lastIndexOf("_S") + 2));
                    dump = name.substring(0, name.lastIndexOf("_S"));
                }
                args.add(Arguments.of(dump, snapshot, name));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "shared {2}")
    @MethodSource("sharedDumps")
    void sharedDumpsMatchMat(String dump, int snapshot, String matRun) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), "../shared/testdata/mat is not present");
        check(SHARED.resolve(dump), SHARED.resolve("mat-output").resolve(matRun).resolve("default"), snapshot);
    }

    @ParameterizedTest(name = "shared keep-unreachable {2}")
    @MethodSource("sharedDumps")
    void sharedDumpsMatchMatKeepingUnreachable(String dump, int snapshot, String matRun) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), "../shared/testdata/mat is not present");
        check(SHARED.resolve(dump), SHARED.resolve("mat-output").resolve(matRun).resolve("keep"), snapshot, true);
    }

    static void check(Path dump, Path mat, int snapshot) throws IOException {
        check(dump, mat, snapshot, false);
    }

    static void check(Path dump, Path mat, int snapshot, boolean keepUnreachable) throws IOException {
        HeapSnapshot s0 = HeapLoader.load(dump, snapshot);
        HeapAnalysis a = HeapAnalysis.of(s0, keepUnreachable);
        HeapSnapshot s = a.snapshot();
        Map<String, String> info = MatCsv.info(mat.resolve("info.csv"));
        assertThat((long) a.liveObjects()).as("objects").isEqualTo(MatCsv.number(info.get("Number of objects")));
        assertThat((long) a.liveClasses()).as("classes").isEqualTo(MatCsv.number(info.get("Number of classes")));
        assertThat((long) s.rootObjects().length).as("GC roots").isEqualTo(MatCsv.number(info.get("Number of GC roots")));

        List<String> matRows = new ArrayList<>();
        long matUsed = 0;
        for (String[] r : MatCsv.read(mat.resolve("histogram.csv"))) {
            if (r[0].equals("Class Name") || r.length < 4 || r[1].isEmpty()) {
                continue;
            }
            matUsed += Long.parseLong(r[2]);
            String retained = r[3].isEmpty() ? "" : "|" + r[3];
            matRows.add(r[0] + "|" + r[1] + "|" + r[2] + retained);
        }
        List<String> ours = new ArrayList<>();
        Histogram h = a.histogram();
        for (int c = 0; c < h.classCount(); c++) {
            int co = s.classes().classObject(c);
            if (h.instances(c) == 0 && (co < 0 || !a.dominatorTree().isReachable(co))) {
                continue;
            }
            // MAT leaves the retained cell blank when it is 0 (a class with no instances and no statics).
            String retained = h.retainedBytes(c) == 0 ? "" : "|" + h.retainedBytes(c);
            ours.add(s.classes().name(c) + "|" + h.instances(c) + "|" + h.shallowBytes(c) + retained);
        }
        Collections.sort(matRows);
        Collections.sort(ours);
        assertThat(a.usedHeapBytes()).as("used heap").isEqualTo(matUsed);
        assertThat(ours).as("histogram rows: class|instances|shallow|retained").containsExactlyElementsOf(matRows);

        // Leak suspects: same objects (by address), same retained sizes, same accumulation points.
        List<String> matSuspects = new ArrayList<>();
        for (String[] r : MatCsv.read(mat.resolve("findleaks.csv"))) {
            if (!r[0].equals("Leak Suspect")) {
                String acc = r[4].equals("<not found>") ? "-" : address(r[4]);
                matSuspects.add(address(r[0]) + "|" + r[1] + "|" + r[2] + "|" + acc);
            }
        }
        List<String> ourSuspects = new ArrayList<>();
        for (LeakSuspects.Suspect x : LeakSuspects.find(a, 10)) {
            String acc = x.accumulationPoint() < 0 ? "-" : "0x" + Long.toHexString(s.objectId(x.accumulationPoint()));
            ourSuspects.add("0x" + Long.toHexString(s.objectId(x.objectIndex())) + "|" + x.instances() + "|"
                    + x.retainedBytes() + "|" + acc);
        }
        assertThat(ourSuspects).as("leak suspects").containsExactlyInAnyOrderElementsOf(matSuspects);
    }

    private static String address(String matObject) {
        int at = matObject.indexOf("@ 0x");
        if (at < 0) {
            return matObject;
        }
        int end = matObject.indexOf(' ', at + 2);
        return matObject.substring(at + 2, end < 0 ? matObject.length() : end);
    }
}

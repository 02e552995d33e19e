package io.leakscan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.heap.HeapClassTable;
import io.leakscan.heap.HeapLoader;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.hprof.HprofType;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Dumps written by a real JVM (this JDK and a newer one when installed) show what the scenario built. */
class ScenarioDumpTest {
    @TempDir
    Path dir;

    static Stream<Path> launchers() {
        return ScenarioSupport.javaLaunchers().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("launchers")
    void scenarioObjectsHaveTheCountsAndRetainedSizesItBuilt(Path java) throws Exception {
        Path dump = dir.resolve("retain.hprof");
        ScenarioSupport.run(java, RetainScenario.class, dump.toString());
        HeapSnapshot s = HeapLoader.load(dump, 0);
        HeapAnalysis a = HeapAnalysis.of(s);
        HeapClassTable classes = s.classes();

        int leaky = classes.find(RetainScenario.class.getName() + "$Leaky");
        int bytes = classes.find("byte[]");
        assertThat(a.histogram().instances(leaky)).isEqualTo(RetainScenario.LEAKS);
        long leakyBytes = classes.instanceBytes(leaky);
        long payloadBytes = arrayBytes(s, RetainScenario.PAYLOAD_BYTES);
        assertThat(a.histogram().retainedBytes(leaky))
                .as("each Leaky retains its own payload")
                .isEqualTo(RetainScenario.LEAKS * (leakyBytes + payloadBytes) + shallowOfClassObject(s, leaky));

        // The static list retains itself, its element array and everything in it.
        int list = staticReference(s, RetainScenario.class.getName(), "LIST");
        int elementData = s.graph().out()[s.graph().outStart()[list]];
        assertThat(s.classIndexOf(elementData)).isEqualTo(classes.find("java.lang.Object[]"));
        assertThat(a.retainedBytes(list)).isEqualTo(s.shallowBytes(list) + s.shallowBytes(elementData)
                + RetainScenario.LEAKS * (leakyBytes + payloadBytes));

        // 200 Shared objects point at one byte[4096]: no single one retains it, all of them together do.
        int shared = classes.find(RetainScenario.class.getName() + "$Shared");
        long sharedBytes = classes.instanceBytes(shared);
        assertThat(a.histogram().instances(shared)).isEqualTo(RetainScenario.SHARED);
        assertThat(a.histogram().retainedBytes(shared)).isEqualTo(
                RetainScenario.SHARED * sharedBytes + arrayBytes(s, 4096) + shallowOfClassObject(s, shared));
        assertThat(a.histogram().instances(bytes)).isGreaterThanOrEqualTo(RetainScenario.LEAKS + 1);
    }

    private static long shallowOfClassObject(HeapSnapshot s, int classIndex) {
        return s.shallowBytes(s.classes().classObject(classIndex));
    }

    /** A byte[] of n elements by the dump's own layout: the header of an empty array plus n, aligned. */
    private static long arrayBytes(HeapSnapshot s, int n) {
        int header = s.info().compressedOops() ? 16 : s.info().idSize() == 8 ? 24 : 12;
        long size = header + n;
        return (size + 7) / 8 * 8;
    }

    private static int staticReference(HeapSnapshot s, String className, String field) {
        int c = s.classes().find(className);
        String[] names = s.classes().staticNames(c);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field) && s.classes().staticTypes(c)[i] == HprofType.OBJECT) {
                return s.indexOf(s.classes().staticValues(c)[i]);
            }
        }
        throw new AssertionError("no static " + field);
    }
}

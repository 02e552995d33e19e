package io.leakscan.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.heap.HeapLoader;
import io.leakscan.heap.HeapSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retained size of an arbitrary set, by one search without the set, agrees with the per-class exact
 * retained sizes (themselves equal to MAT's, MatAgreementTest) for every class of MAT's test dumps.
 */
class SetRetainedSizeTest {
    @ParameterizedTest
    @ValueSource(strings = {"testdata/sun_jdk5_64bit.hprof.gz", "testdata/sun_jdk6_32bit.hprof.gz"})
    void everyClassAsASetRetainsWhatTheHistogramSays(String dump) {
        HeapSnapshot s = HeapLoader.load(Path.of(dump), 0);
        HeapAnalysis a = HeapAnalysis.of(s);
        int checked = 0;
        for (int c = 0; c < s.classes().count(); c++) {
            int[] instances = ClassInstances.of(a, new int[] {c}).instances();
            int classObject = s.classes().classObject(c);
            int[] set = java.util.Arrays.copyOf(instances, instances.length + (classObject >= 0 ? 1 : 0));
            if (classObject >= 0) {
                set[instances.length] = classObject;
            }
            assertThat(SetRetainedSize.of(a, set)).as(s.classes().name(c)).isEqualTo(a.histogram().retainedBytes(c));
            checked++;
        }
        assertThat(checked).isGreaterThan(300);
    }
}

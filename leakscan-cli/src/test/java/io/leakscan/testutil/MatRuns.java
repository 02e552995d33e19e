package io.leakscan.testutil;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The dumps in testdata/ with MAT's output beside them: (dump file, MAT run folder, snapshot number). */
public final class MatRuns {
    private MatRuns() {
    }

    public static Stream<Arguments> projectDumps() {
        return Stream.of(
                Arguments.of("sun_jdk5_13_x32.hprof.gz", "sun_jdk5_13_x32.hprof", 0),
                Arguments.of("sun_jdk5_64bit.hprof.gz", "sun_jdk5_64bit.hprof", 0),
                Arguments.of("sun_jdk6_30_x64_compressedOops.hprof.gz", "sun_jdk6_30_x64_compressedOops.hprof", 0),
                Arguments.of("sun_jdk6_31_hprofagent_compressedOops.hprof.gz", "sun_jdk6_31_hprofagent_compressedOops.hprof_S1", 1),
                Arguments.of("sun_jdk6_31_hprofagent_compressedOops.hprof.gz", "sun_jdk6_31_hprofagent_compressedOops.hprof_S2", 2),
                Arguments.of("oracle_jdk8_05_x64.hprof.gz", "oracle_jdk8_05_x64.hprof", 0),
                Arguments.of("java_pid1884.0001.hprof.gz", "java_pid1884.0001.hprof.gz", 0));
    }
}

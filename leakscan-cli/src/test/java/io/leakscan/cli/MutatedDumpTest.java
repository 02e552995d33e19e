package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.testutil.CliRun;
import io.leakscan.testutil.WorkMeter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real dumps broken on purpose — bytes flipped, record lengths inflated, records shuffled — must get a
 * clear answer: exit 0 (analysed, perhaps with warnings) or 3 with the offset or the problem named; no
 * stack trace, no internal error, work bounded by the file's size, and the input's directory left as it was.
 */
class MutatedDumpTest {
    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        // Loading and initialising leakscan's classes is not work on the input: do it before measuring.
        CliRun.of("analyze", "testdata/sun_jdk5_64bit.hprof.gz", "--top", "3");
    }

    static byte[] real() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("testdata/sun_jdk5_64bit.hprof.gz")))) {
            return in.readAllBytes();
        }
    }

    /** Offsets of the top-level records (the header is 31 bytes for 1.0.1/1.0.2). */
    static List<int[]> records(byte[] dump) {
        List<int[]> recs = new ArrayList<>();
        int p = 31;
        ByteBuffer b = ByteBuffer.wrap(dump);
        while (p + 9 <= dump.length) {
            long len = b.getInt(p + 5) & 0xFFFFFFFFL;
            int end = (int) Math.min(dump.length, p + 9 + len);
            recs.add(new int[] {p, end});
            p = end;
        }
        return recs;
    }

    static Stream<String> mutations() {
        List<String> m = new ArrayList<>();
        for (int seed = 0; seed < 25; seed++) {
            m.add("flip:" + seed);
            m.add("inflate:" + seed);
        }
        for (int seed = 0; seed < 10; seed++) {
            m.add("shuffle:" + seed);
        }
        return m.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // only a safety net against a hang; the bound is the work
    void brokenDumpsGetAClearAnswer(String mutation) throws IOException {
        byte[] dump = real();
        Random r = new Random(mutation.hashCode());
        String kind = mutation.substring(0, mutation.indexOf(':'));
        List<int[]> recs = records(dump);
        switch (kind) {
            case "flip" -> {
                for (int i = 0; i < 1 + r.nextInt(20); i++) {
                    int at = 31 + r.nextInt(dump.length - 31);
                    dump[at] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case "inflate" -> {
                int[] rec = recs.get(r.nextInt(recs.size()));
                ByteBuffer.wrap(dump).putInt(rec[0] + 5, (rec[1] - rec[0] - 9) + 1 + r.nextInt(1 << 20));
            }
            default -> {
                List<int[]> shuffled = new ArrayList<>(recs);
                Collections.shuffle(shuffled, r);
                byte[] out = Arrays.copyOf(dump, dump.length);
                int p = 31;
                for (int[] rec : shuffled) {
                    System.arraycopy(dump, rec[0], out, p, rec[1] - rec[0]);
                    p += rec[1] - rec[0];
                }
                dump = out;
            }
        }
        Path file = Files.write(dir.resolve("broken.hprof"), dump);
        WorkMeter.Measured<CliRun> measured = WorkMeter.measure(() -> CliRun.of("analyze", file.toString(), "--top", "3"));
        CliRun run = measured.result();

        assertThat(run.exitCode()).as(mutation + ": " + run.err()).isIn(0, 3);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("internal error");
        if (run.exitCode() == 3) {
            // The offset is named where the problem has a place in the file (not for, say, a duplicate id).
            assertThat(run.err()).contains("broken.hprof");
            assertThat(run.err().strip().lines().count()).isEqualTo(1);
        }
        // Work proportional to the file, whatever a corrupt count claims: a fixed 64 MiB (the reading window,
        // the first index arrays) plus 64 bytes per byte of dump; the whole intact dump needs about half that.
        assertThat(measured.work().allocatedBytes()).as("bytes allocated for a %,d-byte dump", dump.length)
                .isLessThan((64L << 20) + 64L * dump.length);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("broken.hprof");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(dump);
    }
}

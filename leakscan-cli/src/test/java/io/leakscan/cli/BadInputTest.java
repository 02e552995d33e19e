package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.testutil.CliRun;
import io.leakscan.testutil.HprofWriter;
import io.leakscan.testutil.TinyDumps;
import io.leakscan.testutil.WorkMeter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one clear line naming the file and offset, exit code 3, and no stack trace. */
class BadInputTest {
    @TempDir
    Path dir;

    private CliRun analyzeBytes(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return CliRun.of("analyze", p.toString());
    }

    private static void assertClean(CliRun run) {
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err().strip().lines().count()).as("one line: " + run.err()).isEqualTo(1);
    }

    @Test
    void emptyTextZipAndDirectoryAreRejectedClearly() throws IOException {
        CliRun empty = analyzeBytes("empty.hprof", new byte[0]);
        assertThat(empty.exitCode()).isEqualTo(3);
        assertThat(empty.err()).contains("empty.hprof").contains("empty");
        assertClean(empty);

        CliRun text = analyzeBytes("notes.hprof", "hello, this is not a heap dump\n".getBytes(StandardCharsets.UTF_8));
        assertThat(text.exitCode()).isEqualTo(3);
        assertThat(text.err()).contains("not an HPROF heap dump").contains("byte offset 0");
        assertClean(text);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("a.txt"));
            z.write(1);
        }
        CliRun jar = analyzeBytes("app.jar", zip.toByteArray());
        assertThat(jar.exitCode()).isEqualTo(3);
        assertClean(jar);

        CliRun gzText = analyzeBytes("text.hprof.gz", gzip("plain words".getBytes(StandardCharsets.UTF_8)));
        assertThat(gzText.exitCode()).isEqualTo(3);
        assertThat(gzText.err()).contains("not an HPROF heap dump");
        assertClean(gzText);

        CliRun directory = CliRun.of("analyze", dir.toString());
        assertThat(directory.exitCode()).isEqualTo(3);
        assertThat(directory.err()).contains("directory");
        assertClean(directory);

        CliRun missing = CliRun.of("analyze", dir.resolve("nope.hprof").toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("no such file");
        assertClean(missing);
    }

    @Test
    void unsupportedIdentifierSizeNamesTheOffset() throws IOException {
        byte[] bytes = TinyDumps.linkedNodes().toBytes();
        bytes[19] = 0;
        bytes[20] = 0;
        bytes[21] = 0;
        bytes[22] = 6; // identifier size 6
        CliRun run = analyzeBytes("ids.hprof", bytes);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("identifier size 6").contains("byte offset 19");
        assertClean(run);
    }

    @Test
    void unknownSubRecordAndHostileArrayLengthAreReportedWithOffset() throws IOException {
        HprofWriter w = new HprofWriter(8).loadClass(1, 0x100, "java/lang/Object");
        w.startHeapDump().rawSub(new byte[] {0x55, 1, 2, 3}).endHeapDump();
        CliRun run = analyzeBytes("tag.hprof", w.toBytes());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("unknown heap dump sub-record tag 0x55").contains("byte offset");
        assertClean(run);

        // A tiny file claiming a two-billion-element array must fail fast, not allocate.
        HprofWriter h = new HprofWriter(8);
        h.startHeapDump().rawSub(new byte[] {0x23, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0x7F, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, 8}).endHeapDump();
        CliRun hostile = analyzeBytes("hostile.hprof", h.toBytes());
        assertThat(hostile.exitCode()).isEqualTo(3);
        assertThat(hostile.err()).contains("primitive array of 2147483647 elements");
        assertClean(hostile);
    }

    @Test
    void everyTruncationOfARealDumpFailsCleanlyOrStillReads() throws IOException {
        byte[] full;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("testdata/sun_jdk5_64bit.hprof.gz")))) {
            full = in.readAllBytes();
        }
        int heapDumpStart = 325_548; // where this file's HEAP DUMP record starts
        int step = Math.max(1, full.length / 60);
        for (int cut = 0; cut < full.length; cut += step) {
            CliRun run = analyzeBytes("cut.hprof", Arrays.copyOf(full, cut));
            if (cut <= heapDumpStart) {
                // Nothing of the heap was written: an error naming the file and offset.
                assertThat(run.exitCode()).as("cut at " + cut).isEqualTo(3);
                // An empty file has no place to point at; any other cut names where the bytes stop.
                assertThat(run.err()).as("cut at " + cut).contains("cut.hprof")
                        .contains(cut == 0 ? "file is empty" : "byte offset");
                assertClean(run);
            } else {
                // Part of the heap was written: analysed, with the truncation said first.
                assertThat(run.exitCode()).as("cut at " + cut + ": " + run.err()).isZero();
                assertThat(run.out()).as("cut at " + cut).startsWith("WARNING: ").contains("is truncated")
                        .contains("byte offset");
                CliRun strict = CliRun.of("analyze", dir.resolve("cut.hprof").toString(), "--strict");
                assertThat(strict.exitCode()).as("strict, cut at " + cut).isEqualTo(3);
                assertThat(strict.err()).contains("byte offset");
                assertClean(strict);
            }
        }
    }

    @Test
    void truncatedDumpIsAnalysedAsFarAsItGoesAndMarkedPartial() throws Exception {
        byte[] full;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("testdata/sun_jdk5_64bit.hprof.gz")))) {
            full = in.readAllBytes();
        }
        Path whole = dir.resolve("whole.hprof");
        Files.write(whole, full);
        Path half = dir.resolve("half.hprof");
        Files.write(half, Arrays.copyOf(full, full.length - full.length / 4));
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var complete = mapper.readTree(CliRun.of("analyze", whole.toString(), "--format", "json").out()).get("snapshot");
        CliRun run = CliRun.of("analyze", half.toString(), "--format", "json");
        assertThat(run.exitCode()).isZero();
        var partial = mapper.readTree(run.out());
        assertThat(complete.get("complete").asBoolean()).isTrue();
        assertThat(partial.get("snapshot").get("complete").asBoolean()).isFalse();
        assertThat(partial.get("snapshot").get("truncation").asText()).contains("byte offset");
        assertThat(partial.get("warnings").get(0).asText()).contains("truncated");
        long objects = partial.get("snapshot").get("objects").asLong();
        assertThat(objects).isPositive().isLessThan(complete.get("objects").asLong());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // only a safety net against a hang; the bound is the work
    void hostileClaimsFailFastWithoutAllocating() throws IOException {
        // An instance claiming two gigabytes of fields, inside a gzip stream (no file length to check against).
        HprofWriter w = new HprofWriter(8);
        w.startHeapDump().rawSub(new byte[] {0x21,
            0, 0, 0, 0, 0, 0, 0, 0x10, // object id
            0, 0, 0, 0, // stack trace serial
            0, 0, 0, 0, 0, 0, 0, 0x20, // class id
            0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}).endHeapDump(); // field bytes
        CliRun big = analyzeBytes("instance.hprof.gz", gzip(w.toBytes()));
        assertThat(big.exitCode()).isEqualTo(3);
        assertThat(big.err()).contains("claims 2147483647 bytes of fields");
        assertClean(big);

        // A gzip bomb: a valid header followed by a gigabyte of zeros must stop at the first bad tag.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(bomb)) {
            g.write(Arrays.copyOf(new HprofWriter(8).toBytes(), 31));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                g.write(zeros);
            }
        }
        byte[] bombBytes = bomb.toByteArray();
        analyzeBytes("bomb.hprof.gz", bombBytes); // once, so that loading leakscan's classes is not measured
        Path bombFile = dir.resolve("bomb.hprof.gz");
        WorkMeter.Measured<CliRun> measured = WorkMeter.measure(() -> CliRun.of("analyze", bombFile.toString()));
        CliRun zeros = measured.result();
        assertThat(zeros.exitCode()).isEqualTo(3);
        assertThat(zeros.err()).contains("unknown record tag 0x0").contains("byte offset 31");
        // The work, not the time: it stops in the first window of the stream instead of inflating the gigabyte.
        assertThat(measured.work().readBytes()).as("bytes read of a %,d-byte bomb", bombBytes.length)
                .isLessThan(bombBytes.length / 4L);
        assertThat(measured.work().allocatedBytes()).as("bytes allocated").isLessThan(64L << 20);
        assertClean(zeros);
    }

    @Test
    void inputFileAndItsDirectoryAreLeftUntouched() throws IOException {
        Path dump = TinyDumps.linkedNodes().writeTo(dir.resolve("tiny.hprof"));
        byte[] before = Files.readAllBytes(dump);
        long modified = Files.getLastModifiedTime(dump).toMillis();
        CliRun run = CliRun.of("analyze", dump.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllBytes(dump)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(dump).toMillis()).isEqualTo(modified);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("tiny.hprof");
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(data);
        }
        return b.toByteArray();
    }
}

package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.testutil.CliRun;
import io.leakscan.testutil.HprofWriter;
import io.leakscan.testutil.TinyDumps;
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
        int step = Math.max(1, full.length / 60);
        for (int cut = 0; cut < full.length; cut += step) {
            CliRun run = analyzeBytes("cut.hprof", Arrays.copyOf(full, cut));
            assertThat(run.exitCode()).as("cut at " + cut).isIn(0, 3);
            if (run.exitCode() == 3) {
                assertThat(run.err()).as("cut at " + cut).contains("cut.hprof").contains("byte offset");
                assertClean(run);
            }
        }
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

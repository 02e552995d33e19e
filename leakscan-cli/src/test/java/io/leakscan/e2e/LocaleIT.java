package io.leakscan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output survives the locale: under {@code LANG=C} (ASCII) the path arrows and the other symbols print as
 * ASCII, never as {@code ?}; under a UTF-8 locale they print as themselves. JSON is the same in both.
 */
class LocaleIT {
    static final String DUMP = "testdata/sun_jdk6_30_x64_compressedOops.hprof.gz";
    static final String BEFORE = "testdata/leaky-service-before.hprof.gz";
    static final String AFTER = "testdata/leaky-service-after.hprof.gz";
    static final Map<String, String> ASCII = Map.of("LANG", "C", "LC_ALL", "C");
    static final Map<String, String> UTF8 = Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8");

    @TempDir
    Path dir;

    @Test
    void asciiLocaleGetsAsciiArrowsNotQuestionMarks() throws Exception {
        JarRun analyze = JarRun.of(dir, ASCII, "analyze", DUMP, "--top", "10");
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        assertThat(analyze.out()).contains("static java.io.File.fs -> java.io.WinNTFileSystem.cache -> java.io.ExpiringCache.map")
                .doesNotContain("?");

        JarRun diff = JarRun.of(dir, ASCII, "diff", BEFORE, AFTER);
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("elements 400 -> 1,400").contains("d retained").doesNotContain("?");

        JarRun markdown = JarRun.of(dir, ASCII, "diff", BEFORE, AFTER, "--max-growth", "1KB", "--format", "markdown");
        assertThat(markdown.exitCode()).isEqualTo(1);
        assertThat(markdown.out()).contains("[x] memory gate crossed").doesNotContain("?");
    }

    @Test
    void utf8LocaleGetsTheArrowsAndJsonIsTheSameInBoth() throws Exception {
        JarRun analyze = JarRun.of(dir, UTF8, "analyze", DUMP, "--top", "10");
        assertThat(analyze.out()).contains("static java.io.File.fs → java.io.WinNTFileSystem.cache");
        JarRun jsonUtf8 = JarRun.of(dir, UTF8, "diff", BEFORE, AFTER, "--format", "json");
        JarRun jsonAscii = JarRun.of(dir, ASCII, "diff", BEFORE, AFTER, "--format", "json");
        assertThat(jsonAscii.out()).isEqualTo(jsonUtf8.out()).contains("\\u2192").doesNotContain("?");
    }
}

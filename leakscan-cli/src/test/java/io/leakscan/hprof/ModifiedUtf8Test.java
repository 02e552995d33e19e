package io.leakscan.hprof;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.testutil.CliRun;
import io.leakscan.testutil.HprofWriter;
import io.leakscan.testutil.TinyDumps;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names are decoded as the JVM writes them: modified UTF-8, not standard UTF-8. */
class ModifiedUtf8Test {
    @TempDir
    Path dir;

    /** The JDK's own modified UTF-8 encoder (DataOutputStream.writeUTF), without its length prefix. */
    static byte[] modified(String s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new DataOutputStream(b).writeUTF(s);
        byte[] all = b.toByteArray();
        return java.util.Arrays.copyOfRange(all, 2, all.length);
    }

    @Test
    void decodesWhatTheJdkEncodes() throws IOException {
        for (String s : new String[] {"java/lang/String", "café$Größe", "名前", "𝒜lpha𝔅eta", "nul\0inside", ""}) {
            byte[] b = modified(s);
            assertThat(ModifiedUtf8.decode(b, 0, b.length)).as(s).isEqualTo(s);
        }
        byte[] nul = modified("\0");
        assertThat(nul).containsExactly(0xC0, 0x80);
        assertThat(new String(nul, StandardCharsets.UTF_8)).as("what standard UTF-8 made of it").isNotEqualTo("\0");
        byte[] astral = modified("𝒜");
        assertThat(new String(astral, StandardCharsets.UTF_8)).as("what standard UTF-8 made of it").isNotEqualTo("𝒜");
    }

    @Test
    void acceptsStandardFourByteSequencesAndReplacesMalformedBytes() {
        byte[] standard = "x𝒜y".getBytes(StandardCharsets.UTF_8);
        assertThat(ModifiedUtf8.decode(standard, 0, standard.length)).isEqualTo("x𝒜y");
        byte[] broken = {'a', (byte) 0xE2, (byte) 0x82, 'b', (byte) 0xFF};
        assertThat(ModifiedUtf8.decode(broken, 0, broken.length)).isEqualTo("a\uFFFD\uFFFDb\uFFFD");
        byte[] framed = {'[', 'o', 'k', ']'};
        assertThat(ModifiedUtf8.decode(framed, 1, 2)).isEqualTo("ok");
    }

    @Test
    void aClassNameBeyondTheBasicPlaneIsShownAsWritten() throws IOException {
        // A class whose name holds a character beyond U+FFFF (a legal Java identifier), as a JVM writes it.
        HprofWriter w = TinyDumps.linkedNodes();
        long cls = 0x170;
        w.loadClass(9, cls, "com/acme/𝒜ccount");
        w.startHeapDump().classDump(cls, TinyDumps.OBJECT, 0, new long[0], new long[0]).rootStickyClass(cls)
                .endHeapDump();
        Path dump = w.writeTo(dir.resolve("names.hprof"));
        CliRun run = CliRun.of("analyze", dump.toString(), "--top", "0", "--snapshot", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("com.acme.𝒜ccount").doesNotContain("\uFFFD");
    }
}

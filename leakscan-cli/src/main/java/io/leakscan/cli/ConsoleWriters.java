package io.leakscan.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * Writers for stdout and stderr in the terminal's charset. When that charset cannot encode the few
 * non-ASCII symbols leakscan prints (the path arrow, Δ, …, the markdown marks), as under {@code LANG=C},
 * they are written as ASCII ({@code ->}, {@code d}, {@code ...}) instead of the {@code ?} the encoder
 * would make. Files written with {@code -o} are always UTF-8 and never go through here. Stateless.
 */
final class ConsoleWriters {
    private ConsoleWriters() {
    }

    static PrintWriter stdout() {
        return forStream(System.out, charset("stdout.encoding"));
    }

    static PrintWriter stderr() {
        return forStream(System.err, charset("stderr.encoding"));
    }

    /** A writer on {@code stream} in {@code cs}, with the ASCII fallback when {@code cs} cannot encode the arrow. */
    static PrintWriter forStream(PrintStream stream, Charset cs) {
        Writer w = new OutputStreamWriter(stream, cs);
        return new PrintWriter(canEncodeSymbols(cs) ? w : new AsciiFallback(w), true);
    }

    static boolean canEncodeSymbols(Charset cs) {
        CharsetEncoder e = cs.newEncoder();
        return e.canEncode("→Δ…");
    }

    /**
     * The charset the JVM uses for the stream: {@code stdout.encoding}/{@code stderr.encoding} (JDK 19+),
     * {@code sun.stdout.encoding} (JDK 17 on a Windows console), else the default charset, which JDK 17
     * takes from the locale.
     */
    private static Charset charset(String property) {
        for (String p : new String[] {property, "sun." + property}) {
            String name = System.getProperty(p);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }

    /** Replaces the symbols leakscan prints by ASCII; everything else passes unchanged. */
    static final class AsciiFallback extends FilterWriter {
        AsciiFallback(Writer out) {
            super(out);
        }

        static String replacement(char c) {
            return switch (c) {
                case '→' -> "->";
                case 'Δ' -> "d";
                case '…' -> "...";
                case '–', '—' -> "-";
                case '·' -> "*";
                case '×' -> "x";
                case '✅' -> "[ok]";
                case '❌' -> "[x]";
                case '⚠' -> "[!]";
                case '\uFE0F' -> ""; // emoji presentation selector after the warning sign
                default -> null;
            };
        }

        @Override
        public void write(int c) throws IOException {
            String r = replacement((char) c);
            if (r == null) {
                out.write(c);
            } else {
                out.write(r);
            }
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            int start = off;
            for (int i = off; i < off + len; i++) {
                String r = replacement(cbuf[i]);
                if (r != null) {
                    out.write(cbuf, start, i - start);
                    out.write(r);
                    start = i + 1;
                }
            }
            out.write(cbuf, start, off + len - start);
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            write(str.toCharArray(), off, len);
        }
    }
}

package io.leakscan.hprof;

import java.nio.charset.StandardCharsets;

/**
 * Decodes the names in an HPROF file (UTF8 records: class, field, method and thread names). The JVM
 * writes them in its internal "modified UTF-8" ({@link java.io.DataInput} spells it out): NUL is the two
 * bytes {@code C0 80}, and a character beyond U+FFFF is its two UTF-16 surrogates of three bytes each. A
 * standard UTF-8 decoder turns both into U+FFFD. Standard four-byte sequences (some non-HotSpot writers)
 * are accepted too; any other malformed byte becomes U+FFFD, never an exception.
 *
 * <p>Stateless; thread-safe. Allocates only the result (plus a {@code char[]} when not pure ASCII).
 */
public final class ModifiedUtf8 {
    private ModifiedUtf8() {
    }

    public static String decode(byte[] b, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end && b[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(b, offset, length, StandardCharsets.ISO_8859_1); // pure ASCII, the common case
        }
        char[] out = new char[length];
        int n = 0;
        for (i = offset; i < end; ) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                out[n++] = (char) c;
                i++;
            } else if ((c & 0xE0) == 0xC0 && continuation(b, i + 1, end)) {
                out[n++] = (char) (((c & 0x1F) << 6) | (b[i + 1] & 0x3F));
                i += 2;
            } else if ((c & 0xF0) == 0xE0 && continuation(b, i + 1, end) && continuation(b, i + 2, end)) {
                // A surrogate half here is what modified UTF-8 means: the pair is rebuilt by sitting side by side.
                out[n++] = (char) (((c & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F));
                i += 3;
            } else if ((c & 0xF8) == 0xF0 && continuation(b, i + 1, end) && continuation(b, i + 2, end)
                    && continuation(b, i + 3, end)) {
                int cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F);
                if (Character.isSupplementaryCodePoint(cp)) {
                    out[n++] = Character.highSurrogate(cp);
                    out[n++] = Character.lowSurrogate(cp);
                } else {
                    out[n++] = '\uFFFD';
                }
                i += 4;
            } else {
                out[n++] = '\uFFFD';
                i++;
            }
        }
        return new String(out, 0, n);
    }

    private static boolean continuation(byte[] b, int i, int end) {
        return i < end && (b[i] & 0xC0) == 0x80;
    }
}

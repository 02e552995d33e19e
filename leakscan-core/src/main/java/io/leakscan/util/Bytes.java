package io.leakscan.util;

/** Big-endian decoding from byte arrays. Stateless. */
public final class Bytes {
    private Bytes() {
    }

    public static int getInt(byte[] b, int i) {
        return (b[i] << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }
}

package io.leakscan.hprof;

/**
 * The fixed HPROF file header.
 *
 * @param formatVersion   e.g. {@code JAVA PROFILE 1.0.2}
 * @param idSize          identifier size in bytes, 4 or 8
 * @param timestampMillis dump time, milliseconds since the epoch
 * @param headerBytes     length of the header in bytes (offset of the first record)
 */
public record HprofHeader(String formatVersion, int idSize, long timestampMillis, int headerBytes) {
}

package io.leakscan.hprof;

import java.nio.file.Path;

/**
 * The input is not a readable HPROF dump: missing, unreadable, truncated, corrupt, not HPROF at all, or
 * unsupported. The message always names the file and, when the problem has a place in the file, the byte
 * offset (in the decompressed stream for gzip input) at which it was found, so a user can tell a cut-short
 * copy from a wrong file. Problems with no place (no such file, permission denied, a whole-dump
 * inconsistency) carry no offset rather than a meaningless "0".
 *
 * <p>Immutable; thread-safe.
 */
public final class HprofFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long byteOffset;
    private final String problem;
    private final boolean truncated;

    /** A problem found at {@code byteOffset}. */
    public HprofFormatException(Path file, long byteOffset, String problem) {
        this(file, byteOffset, problem, false);
    }

    /** A problem with no place in the file (its offset is {@link #NO_OFFSET}). */
    public HprofFormatException(Path file, String problem) {
        this(file, NO_OFFSET, problem, false);
    }

    /** {@link #byteOffset()} of a problem that has no place in the file. */
    public static final long NO_OFFSET = -1;

    public HprofFormatException(Path file, long byteOffset, String problem, boolean truncated) {
        super(file + ": " + problem + (byteOffset >= 0 ? " at byte offset " + byteOffset : ""));
        this.file = file;
        this.byteOffset = byteOffset;
        this.problem = problem;
        this.truncated = truncated;
    }

    /** The dump that could not be read. */
    public Path file() {
        return file;
    }

    /**
     * Offset in bytes from the start of the (decompressed) HPROF stream where the problem was found, or
     * {@link #NO_OFFSET} when the problem has no place in the file.
     */
    public long byteOffset() {
        return byteOffset;
    }

    /** What was wrong, without the file and offset. */
    public String problem() {
        return problem;
    }

    /** True when the file simply ends too early (the most common damage: a killed JVM or a cut copy). */
    public boolean truncated() {
        return truncated;
    }
}

package io.leakscan.hprof;

import java.nio.file.Path;

/**
 * The input is not a readable HPROF dump: truncated, corrupt, not HPROF at all, or unsupported.
 * The message always names the file and the byte offset (in the decompressed stream for gzip input)
 * at which the problem was found, so a user can tell a cut-short copy from a wrong file.
 *
 * <p>Immutable; thread-safe.
 */
public final class HprofFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long byteOffset;
    private final String problem;
    private final boolean truncated;

    public HprofFormatException(Path file, long byteOffset, String problem) {
        this(file, byteOffset, problem, false);
    }

    public HprofFormatException(Path file, long byteOffset, String problem, boolean truncated) {
        super(file + ": " + problem + " at byte offset " + byteOffset);
        this.file = file;
        this.byteOffset = byteOffset;
        this.problem = problem;
        this.truncated = truncated;
    }

    /** The dump that could not be read. */
    public Path file() {
        return file;
    }

    /** Offset in bytes from the start of the (decompressed) HPROF stream where the problem was found. */
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

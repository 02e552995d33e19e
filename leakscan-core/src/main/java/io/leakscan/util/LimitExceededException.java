package io.leakscan.util;

/**
 * A dump is beyond one of leakscan's {@link Limits}: not corrupt, not a bug, just too large for this
 * version. Carries what was counted and the limit, for a one-line message. Immutable.
 */
public final class LimitExceededException extends RuntimeException {
    private final String what;
    private final long count;
    private final long limit;

    public LimitExceededException(String what, long count, long limit) {
        super(String.format("the dump has %,d %s; leakscan handles at most %,d", count, what, limit));
        this.what = what;
        this.count = count;
        this.limit = limit;
    }

    /** What was counted ("objects", "references", …). */
    public String what() {
        return what;
    }

    public long count() {
        return count;
    }

    public long limit() {
        return limit;
    }
}

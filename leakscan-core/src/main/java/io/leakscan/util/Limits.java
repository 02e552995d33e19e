package io.leakscan.util;

/**
 * leakscan's hard limits, stated once and checked where a count is first known, so that a dump beyond
 * them stops right after reading with {@link LimitExceededException} (its own exit code), never with an
 * overflowed index minutes later. Java arrays hold at most {@link #MAX_ARRAY_LENGTH} elements: objects are
 * numbered by {@code int} (at most 2^31 − 1 objects, each per-object array one Java array), and the
 * reference lists are single {@code int[]} arrays, which bounds the references too. Stateless.
 */
public final class Limits {
    /** The largest array length every JVM allocates (a few header words below {@code Integer.MAX_VALUE}). */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /**
     * Most objects a dump may hold (one slot each in per-object arrays of {@code n + 1} entries). The
     * system property {@code leakscan.limit.objects} can only lower it: the tests' way to reach the limit
     * with a small dump.
     */
    public static final long MAX_OBJECTS = lowered("leakscan.limit.objects", MAX_ARRAY_LENGTH - 1L);
    /**
     * Most references the graph holds: raw references while reading (before dangling ones and duplicates
     * are dropped), then the graph's. {@code leakscan.limit.references} can only lower it (tests).
     */
    public static final long MAX_REFERENCES = lowered("leakscan.limit.references", MAX_ARRAY_LENGTH);

    private Limits() {
    }

    private static long lowered(String property, long limit) {
        Long value = Long.getLong(property);
        return value != null && value >= 0 ? Math.min(value, limit) : limit;
    }

    /** Throws when {@code count} elements cannot be one Java array. */
    public static void checkArrayLength(long count, String what) {
        if (count > MAX_ARRAY_LENGTH) {
            throw new LimitExceededException(what, count, MAX_ARRAY_LENGTH);
        }
    }

    /** Throws when a dump has more objects than leakscan numbers. */
    public static void checkObjects(long objects) {
        if (objects > MAX_OBJECTS) {
            throw new LimitExceededException("objects", objects, MAX_OBJECTS);
        }
    }

    /** Throws when a dump has more references than the graph holds. */
    public static void checkReferences(long references) {
        if (references > MAX_REFERENCES) {
            throw new LimitExceededException("references", references, MAX_REFERENCES);
        }
    }
}

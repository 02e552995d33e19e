package io.leakscan.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test whose body is one unit of work that must not leak: leakscan runs it {@link #warmups()} times, dumps
 * the heap (live objects), runs it {@link #iterations()} more times with a dump after each, compares the
 * dumps with the exact engine ({@code leakscan diff}), and fails the test when a structure grew in every
 * interval. The failure message is {@code diff}'s report; the dumps are kept (paths in the message) and a
 * JSON report is written beside the Surefire reports. When the test passes, the dumps are removed.
 *
 * <pre>
 * &#64;LeakTest(warmups = 2, iterations = 4)
 * void sessionsAreReleased() {
 *     service.handleRequest(request());
 * }
 * </pre>
 *
 * Cost: {@code iterations + 1} heap dumps of the test JVM (each a full GC and a pause of some tenths of a
 * second for a test heap of tens of MB) and their analysis, in this JVM or in a child JVM when this one's
 * heap is too small for it (docs/junit.md). Use {@link LeakAssertions#assertNoLeak} for the same from code.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(LeakTestExtension.class)
public @interface LeakTest {
    /** Runs before the first dump, to load classes and fill lazy structures (JIT, caches sized once). */
    int warmups() default 2;

    /** Runs measured, one dump after each: two or more (three dumps give two intervals to grow in). */
    int iterations() default 3;

    /** Lowest leak-suspect score that fails the test (0-100); a structure that grew in every interval scores 60 or more. */
    int minScore() default 60;

    /** Also fail when the used heap grew by more than this, first dump to last ("1MB", "5%"); empty: no limit. */
    String maxGrowth() default "";

    /**
     * Class-name patterns ({@code *} matches anything) of containers or of what accumulates in them that
     * are never a failure (e.g. {@code "com.acme.metrics.*"}).
     */
    String[] ignoreClasses() default {};

    /** Patterns of reference paths ({@code *} matches anything) that are never a failure (e.g. {@code "*.REGISTRY"}). */
    String[] ignorePaths() default {};

    /** Where the dumps are analysed. */
    Analysis analysis() default Analysis.AUTO;

    /** Where the dumps are analysed. */
    enum Analysis {
        /** In this JVM when its free heap is enough for the largest dump (docs/memory.md's rule), else a child JVM. */
        AUTO,
        /** Always in this JVM. */
        IN_PROCESS,
        /** Always in a child JVM, with the heap the dumps need. */
        CHILD_JVM
    }
}

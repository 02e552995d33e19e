package io.leakscan.junit;

/**
 * {@code assertNoLeak(() -> service.handleRequest(…))}: the check of {@link LeakTest} from code, for a test
 * that sets up more than one scenario or needs its own options. Dumps are written under the build's
 * directory ({@code target/leakscan-junit}, or the system property {@code leakscan.junit.dir}); see
 * {@link LeakCheck} for the cost. Not for concurrent use from several threads of one JVM (the dumps would
 * mix their work).
 */
public final class LeakAssertions {
    private LeakAssertions() {
    }

    /** A unit of work to repeat; may throw, which fails the check as the test's own exception. */
    @FunctionalInterface
    public interface Scenario {
        void run() throws Throwable;
    }

    /** Fails (an {@link AssertionError} with leakscan's report) when {@code scenario} leaks, with the default options. */
    public static void assertNoLeak(Scenario scenario) throws Throwable {
        assertNoLeak(LeakOptions.defaults(), scenario);
    }

    /** As {@link #assertNoLeak(Scenario)}, with these options. */
    public static void assertNoLeak(LeakOptions options, Scenario scenario) throws Throwable {
        new LeakCheck(callerName(), options).run(scenario);
    }

    private static String callerName() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(LeakAssertions.class.getName()))
                .findFirst()
                .map(f -> simple(f.getClassName()) + "." + f.getMethodName())
                .orElse("leak-check"));
    }

    static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}

package io.leakscan.util;

import java.util.ArrayList;
import java.util.List;

/**
 * Durations of the steps inside a phase (parse, Lengauer–Tarjan, …), for {@code --verbose}. A
 * process-wide log because the steps run deep inside layers that know nothing of the command line;
 * the CLI drains it after each phase. Bounded (old entries are dropped), so it cannot grow when nobody
 * drains it. Thread-safe.
 */
public final class StepTimes {
    /** One step: its name and how long it took, in nanoseconds. */
    public record Step(String name, long nanos) {
    }

    private static final int MAX_STEPS = 256;
    private static final List<Step> STEPS = new ArrayList<>();

    private StepTimes() {
    }

    /** Records that step {@code name}, begun at {@code startNanos} ({@link System#nanoTime()}), just ended. */
    public static void record(String name, long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        synchronized (STEPS) {
            if (STEPS.size() == MAX_STEPS) {
                STEPS.remove(0);
            }
            STEPS.add(new Step(name, nanos));
        }
    }

    /** The steps recorded since the last call, oldest first. */
    public static List<Step> drain() {
        synchronized (STEPS) {
            List<Step> out = List.copyOf(STEPS);
            STEPS.clear();
            return out;
        }
    }
}

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
    /**
     * One step: its name, how long it took in nanoseconds, and the highest heap occupancy after a garbage
     * collection during it ({@link HeapPeaks}; 0 when no collection happened). A step whose name is
     * indented is part of the unindented step recorded after it, whose peak includes its parts'.
     */
    public record Step(String name, long nanos, HeapPeaks.Peak peak) {
    }

    private static final int MAX_STEPS = 256;
    private static final List<Step> STEPS = new ArrayList<>();
    /** Peak of the indented steps recorded since the last unindented one. */
    private static HeapPeaks.Peak partsPeak = HeapPeaks.Peak.NONE;

    private StepTimes() {
    }

    /** Records that step {@code name}, begun at {@code startNanos} ({@link System#nanoTime()}), just ended. */
    public static void record(String name, long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        synchronized (STEPS) {
            HeapPeaks.Peak peak = HeapPeaks.takePeak();
            if (name.startsWith(" ")) {
                partsPeak = partsPeak.max(peak);
            } else {
                peak = peak.max(partsPeak);
                partsPeak = HeapPeaks.Peak.NONE;
            }
            if (STEPS.size() == MAX_STEPS) {
                STEPS.remove(0);
            }
            STEPS.add(new Step(name, nanos, peak));
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

package io.leakscan.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Child-JVM scenario: a static list holds 1000 {@link Leaky} objects, each with its own 1000-byte
 * payload; a static map holds 200 {@link Shared} objects that all point at one shared byte[4096].
 * Then the heap is dumped to {@code args[0]}.
 */
public final class RetainScenario {
    public static final int LEAKS = 1000;
    public static final int PAYLOAD_BYTES = 1000;
    public static final int SHARED = 200;

    static final List<Leaky> LIST = new ArrayList<>();
    static final java.util.Map<Integer, Shared> MAP = new java.util.HashMap<>();

    static final class Leaky {
        final byte[] payload = new byte[PAYLOAD_BYTES];
    }

    static final class Shared {
        final byte[] common;

        Shared(byte[] common) {
            this.common = common;
        }
    }

    private RetainScenario() {
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < LEAKS; i++) {
            LIST.add(new Leaky());
        }
        fillShared();
        ScenarioSupport.dumpHeap(args[0]);
    }

    /** In its own frame, so that no stack slot of main still holds the shared array at dump time. */
    private static void fillShared() {
        byte[] common = new byte[4096];
        for (int i = 0; i < SHARED; i++) {
            MAP.put(i, new Shared(common));
        }
    }
}

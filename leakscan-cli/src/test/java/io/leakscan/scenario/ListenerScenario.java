package io.leakscan.scenario;

import java.util.ArrayList;
import java.util.List;

/** Listeners added to a long-lived event bus and never removed; each captures a 1 KiB buffer. */
public final class ListenerScenario extends GrowthScenario {
    /** A bus that lives as long as the application. */
    public static final class EventBus {
        final List<Runnable> listeners = new ArrayList<>();

        void register(Runnable listener) {
            listeners.add(listener);
        }
    }

    static final EventBus BUS = new EventBus();

    @Override
    protected void setUp() {
        register(100);
    }

    @Override
    protected void grow(int round) {
        register(1_500);
    }

    private static void register(int n) {
        for (int i = 0; i < n; i++) {
            byte[] state = new byte[1024];
            BUS.register(() -> state[0]++);
        }
    }

    public static void main(String[] args) throws Exception {
        run(new ListenerScenario(), args);
    }
}

package io.leakscan.scenario;

/**
 * A leak no collection holds: each event keeps a reference to the previous one (a hand-made chain), so
 * the events pile up one behind the other.
 */
public final class ChainScenario extends GrowthScenario {
    /** An event that remembers the one before it. */
    public static final class Event {
        final Event previous;
        final byte[] payload = new byte[400];

        Event(Event previous) {
            this.previous = previous;
        }
    }

    static Event last;

    @Override
    protected void setUp() {
        add(200);
    }

    @Override
    protected void grow(int round) {
        add(1_500);
    }

    private static void add(int n) {
        for (int i = 0; i < n; i++) {
            last = new Event(last);
        }
    }

    public static void main(String[] args) throws Exception {
        run(new ChainScenario(), args);
    }
}

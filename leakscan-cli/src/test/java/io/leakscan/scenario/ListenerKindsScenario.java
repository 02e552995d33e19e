package io.leakscan.scenario;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.util.EventListener;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.swing.event.EventListenerList;

/**
 * Listeners registered with the usual listener holders and never removed, one holder per mode (first
 * argument): CopyOnWriteArrayList, CopyOnWriteArraySet, PropertyChangeSupport, EventListenerList. Each
 * listener captures a 1 KiB buffer; every round registers 1,500.
 */
public final class ListenerKindsScenario extends GrowthScenario {
    /** A listener of the application's own kind. */
    public interface PriceListener extends EventListener {
        void priceChanged(long price);
    }

    /** The long-lived service the listeners register with. */
    public static final class PriceFeed {
        final CopyOnWriteArrayList<PriceListener> listeners = new CopyOnWriteArrayList<>();
        final CopyOnWriteArraySet<PriceListener> subscribers = new CopyOnWriteArraySet<>();
        final PropertyChangeSupport changes = new PropertyChangeSupport(this);
        final EventListenerList listenerList = new EventListenerList();
    }

    static final PriceFeed FEED = new PriceFeed();
    private final String mode;

    private ListenerKindsScenario(String mode) {
        this.mode = mode;
    }

    @Override
    protected void setUp() {
        register(100);
    }

    @Override
    protected void grow(int round) {
        register(1_500);
    }

    private void register(int n) {
        for (int i = 0; i < n; i++) {
            byte[] state = new byte[1024];
            PriceListener l = p -> state[0]++;
            switch (mode) {
                case "cow-list" -> FEED.listeners.add(l);
                case "cow-set" -> FEED.subscribers.add(l);
                case "property-change" -> {
                    PropertyChangeListener pcl = e -> state[0]++;
                    FEED.changes.addPropertyChangeListener("price", pcl);
                }
                case "event-listener-list" -> FEED.listenerList.add(PriceListener.class, l);
                default -> throw new IllegalArgumentException(mode);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        run(new ListenerKindsScenario(args[0]), java.util.Arrays.copyOfRange(args, 1, args.length));
    }
}

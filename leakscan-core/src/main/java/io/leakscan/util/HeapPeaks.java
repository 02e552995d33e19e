package io.leakscan.util;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The highest heap occupancy seen right after a garbage collection since the last {@link #takePeak()}:
 * what the program really held (live data plus what the collector could not yet free) at its fullest
 * moment of a step, as a GC log shows it. The heap in use at the end of a step says nothing of the arrays
 * that lived and died inside it; this does, as long as collections happen during the step (they do when
 * {@code -Xmx} is near what the run needs, which is how docs/memory.md measures).
 *
 * <p>Listens to the JVM's own collection notifications ({@code com.sun.management} GC notifications),
 * so it costs nothing between collections. Started once per process by {@link #start()}; thread-safe.
 */
public final class HeapPeaks {
    private static final AtomicLong PEAK_BYTES = new AtomicLong();
    private static final AtomicLong LIVE_PEAK_BYTES = new AtomicLong();
    private static final AtomicLong COLLECTIONS = new AtomicLong();
    private static volatile boolean started;

    private HeapPeaks() {
    }

    /** Starts listening (idempotent). Where the JVM gives no notifications, peaks stay 0. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (!"com.sun.management.gc.notification".equals(notification.getType())) {
                        return;
                    }
                    CompositeData info = (CompositeData) notification.getUserData();
                    CompositeData gcInfo = (CompositeData) info.get("gcInfo");
                    long used = 0;
                    for (Object row : ((javax.management.openmbean.TabularData) gcInfo.get("memoryUsageAfterGc")).values()) {
                        CompositeData entry = (CompositeData) row;
                        String pool = (String) entry.get("key");
                        if (!isHeapPool(pool)) {
                            continue;
                        }
                        used += MemoryUsage.from((CompositeData) entry.get("value")).getUsed();
                    }
                    COLLECTIONS.incrementAndGet();
                    PEAK_BYTES.accumulateAndGet(used, Math::max);
                    // After a full collection the heap holds live data only; after a young one it may still
                    // hold old garbage, so that figure is an upper bound.
                    if (String.valueOf(info.get("gcAction")).contains("major")) {
                        LIVE_PEAK_BYTES.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }
    }

    private static boolean isHeapPool(String pool) {
        // Metaspace and the code cache are not part of -Xmx.
        return !(pool.contains("Metaspace") || pool.contains("Code") || pool.contains("Class Space"));
    }

    /** Whether {@link #start()} found notifications to listen to and at least one collection happened. */
    public static boolean anyCollection() {
        return COLLECTIONS.get() > 0;
    }

    /**
     * The peak occupancy after a collection since the previous call, in bytes (0 when none happened), and
     * the peak after a full collection (live data only; 0 when none happened), packed as
     * {@link Peak}; resets both.
     */
    public static Peak takePeak() {
        return new Peak(PEAK_BYTES.getAndSet(0), LIVE_PEAK_BYTES.getAndSet(0));
    }

    /**
     * @param afterAnyGcBytes  highest occupancy right after any collection (an upper bound of live data)
     * @param afterFullGcBytes highest occupancy right after a full collection (live data), 0 when none
     */
    public record Peak(long afterAnyGcBytes, long afterFullGcBytes) {
        public static final Peak NONE = new Peak(0, 0);

        public Peak max(Peak o) {
            return new Peak(Math.max(afterAnyGcBytes, o.afterAnyGcBytes), Math.max(afterFullGcBytes, o.afterFullGcBytes));
        }
    }

}

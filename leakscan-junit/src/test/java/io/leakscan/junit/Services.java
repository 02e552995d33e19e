package io.leakscan.junit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Small services with one container kind each from the registry (a cache, a listener list, a thread-local
 * in a pool), in a leaking and a correct version: what the extension's tests exercise. Each request does
 * a fixed amount of work, so every iteration of a leaking one adds the same entries.
 */
final class Services {
    private Services() {
    }

    static final int REQUESTS = 10;

    /** Caches a response per request id and never evicts: an unbounded cache. */
    static final class UnboundedCache {
        static final Map<String, byte[]> RESPONSES = new HashMap<>();
        private static int nextId;

        static void handleRequests() {
            for (int i = 0; i < REQUESTS; i++) {
                RESPONSES.put("request-" + nextId++, new byte[256]);
            }
        }
    }

    /** The same with an LRU bound that the warm-ups fill: it stays the same size. */
    static final class BoundedCache {
        static final int CAPACITY = 2 * REQUESTS;
        static final Map<String, byte[]> RESPONSES = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > CAPACITY;
            }
        };
        private static int nextId;

        static void handleRequests() {
            for (int i = 0; i < REQUESTS; i++) {
                RESPONSES.put("request-" + nextId++, new byte[256]);
            }
        }
    }

    /** An event bus whose listeners each request adds. */
    static final class EventBus {
        static final List<Consumer<String>> LISTENERS = new CopyOnWriteArrayList<>();

        static void publish(String event) {
            for (Consumer<String> l : LISTENERS) {
                l.accept(event);
            }
        }
    }

    /** Registers a listener per request and never removes it. */
    static void requestsThatForgetTheirListeners() {
        for (int i = 0; i < REQUESTS; i++) {
            byte[] session = new byte[128];
            EventBus.LISTENERS.add(e -> session[0]++);
            EventBus.publish("login");
        }
    }

    /** Registers a listener per request and removes it at the end of the request. */
    static void requestsThatRemoveTheirListeners() {
        for (int i = 0; i < REQUESTS; i++) {
            byte[] session = new byte[128];
            Consumer<String> listener = e -> session[0]++;
            EventBus.LISTENERS.add(listener);
            try {
                EventBus.publish("login");
            } finally {
                EventBus.LISTENERS.remove(listener);
            }
        }
    }

    /** A pool of two threads, each keeping an audit trail in a ThreadLocal. */
    static final class PooledAudit {
        static final ThreadLocal<List<byte[]>> TRAIL = ThreadLocal.withInitial(ArrayList::new);
        static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "audit-pool");
            t.setDaemon(true);
            return t;
        });
        // Both threads run one task of each pair, so each thread's value changes in every iteration.
        private static final CyclicBarrier BOTH = new CyclicBarrier(2);

        static void handleRequests(boolean clearAfterUse) throws ExecutionException, InterruptedException {
            for (int i = 0; i < REQUESTS / 2; i++) {
                List<Future<?>> pair = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    pair.add(POOL.submit(() -> {
                        TRAIL.get().add(new byte[128]);
                        if (clearAfterUse) {
                            TRAIL.remove();
                        }
                        try {
                            BOTH.await();
                        } catch (InterruptedException | BrokenBarrierException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                for (Future<?> f : pair) {
                    f.get();
                }
            }
        }
    }

    /** Big arrays kept for good: heap growth without many entries. */
    static final class Ballast {
        static final List<byte[]> KEPT = new ArrayList<>();

        static void add(int bytes) {
            KEPT.add(new byte[bytes]);
        }
    }
}

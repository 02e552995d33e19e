package io.leakscan.scenario;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One JDK map or queue per mode (first argument) that only grows: 500 entries, then 1,500 more per
 * round, each value a 600-byte payload. The WeakHashMap leaks the classic way: each value refers to its
 * own key, so no key is ever collected.
 */
public final class JdkCollectionScenario extends GrowthScenario {
    /** A payload that refers back to its key (what keeps a WeakHashMap's keys alive). */
    public static final class Payload implements Comparable<Payload> {
        final Object key;
        final byte[] data = new byte[600];
        final long order;

        Payload(Object key, long order) {
            this.key = key;
            this.order = order;
        }

        @Override
        public int compareTo(Payload o) {
            return Long.compare(order, o.order);
        }
    }

    static Map<Object, Payload> map;
    static Queue<Payload> queue;
    static java.util.Collection<Payload> set;
    private long next;

    private JdkCollectionScenario(String mode) {
        switch (mode) {
            case "concurrent-hash-map" -> map = new ConcurrentHashMap<>();
            case "skip-list-map" -> map = new ConcurrentSkipListMap<>();
            case "weak-hash-map" -> map = new WeakHashMap<>();
            case "identity-hash-map" -> map = new IdentityHashMap<>();
            case "array-deque" -> queue = new ArrayDeque<>();
            case "linked-blocking-queue" -> queue = new LinkedBlockingQueue<>();
            case "priority-queue" -> queue = new PriorityQueue<>();
            case "linked-list" -> queue = new java.util.LinkedList<>();
            case "hash-set" -> set = new java.util.HashSet<>();
            case "tree-set" -> set = new java.util.TreeSet<>();
            case "skip-list-set" -> set = new java.util.concurrent.ConcurrentSkipListSet<>();
            default -> throw new IllegalArgumentException(mode);
        }
    }

    @Override
    protected void setUp() {
        add(500);
    }

    @Override
    protected void grow(int round) {
        add(1_500);
    }

    private void add(int n) {
        for (int i = 0; i < n; i++) {
            String key = "order-" + next;
            Payload p = new Payload(key, next++);
            if (map != null) {
                map.put(key, p);
            } else if (set != null) {
                set.add(p);
            } else {
                queue.add(p);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        run(new JdkCollectionScenario(args[0]), java.util.Arrays.copyOfRange(args, 1, args.length));
    }
}

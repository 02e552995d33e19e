package io.leakscan.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Builds a realistic server-like heap of about the requested size and dumps it: maps of POJOs, strings,
 * boxed numbers, arrays, linked chains, an LRU cache, listener lists and several threads holding
 * per-thread state. Usage: {@code ServerHeapGenerator TARGET_MB DUMP_PATH}. Benchmark only; not shipped.
 */
public final class ServerHeapGenerator {
    /** A customer record with the usual mix of fields. */
    static final class Customer {
        final long id;
        final String name;
        final String email;
        final Integer age;
        final Double balance;
        final List<Order> orders = new ArrayList<>();
        final Map<String, String> attributes = new HashMap<>();

        Customer(long id, Random r) {
            this.id = id;
            this.name = "customer-" + id;
            this.email = "c" + id + "@example.com";
            this.age = 18 + r.nextInt(80);
            this.balance = r.nextDouble() * 1000;
            attributes.put("tier", r.nextBoolean() ? "gold" : "silver");
        }
    }

    /** An order with a few lines and a small payload. */
    static final class Order {
        final long id;
        final long[] lineItems;
        final byte[] note;
        Order next;

        Order(long id, Random r) {
            this.id = id;
            this.lineItems = new long[1 + r.nextInt(6)];
            this.note = new byte[16 + r.nextInt(96)];
        }
    }

    /** Something that listens. */
    interface Listener {
        void on(Object event);
    }

    static final Map<Long, Customer> CUSTOMERS = new ConcurrentHashMap<>();
    static final Map<String, Object> LRU = new LinkedHashMap<>(1024, 0.75f, true);
    static final List<Listener> LISTENERS = new ArrayList<>();
    static final LinkedList<String> LOG = new LinkedList<>();
    static final List<Thread> WORKERS = new ArrayList<>();

    private ServerHeapGenerator() {
    }

    public static void main(String[] args) throws Exception {
        long targetBytes = Long.parseLong(args[0]) << 20;
        Random r = new Random(42);
        // Rough cost of one customer with its orders, measured on JDK 17 with compressed oops.
        long perCustomer = 1100;
        long customers = Math.max(1000, targetBytes / perCustomer);
        long orderId = 0;
        for (long id = 0; id < customers; id++) {
            Customer c = new Customer(id, r);
            Order prev = null;
            for (int i = 0, n = r.nextInt(5); i < n; i++) {
                Order o = new Order(orderId++, r);
                c.orders.add(o);
                if (prev != null) {
                    prev.next = o;
                }
                prev = o;
            }
            CUSTOMERS.put(id, c);
            if (id % 10 == 0) {
                LRU.put("k" + id, c.orders.isEmpty() ? c.name : c.orders.get(0));
            }
            if (id % 100 == 0) {
                final long captured = id;
                LISTENERS.add(e -> System.identityHashCode(captured));
                LOG.add("event " + id);
            }
        }
        CountDownLatch started = new CountDownLatch(4);
        CountDownLatch stop = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            Thread w = new Thread(() -> {
                List<Object> local = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    local.add(new int[8]);
                }
                started.countDown();
                try {
                    stop.await();
                } catch (InterruptedException ignored) {
                    // exit
                }
                local.clear();
            }, "worker-" + t);
            w.setDaemon(true);
            w.start();
            WORKERS.add(w);
        }
        started.await();
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[1], true);
        stop.countDown();
    }
}

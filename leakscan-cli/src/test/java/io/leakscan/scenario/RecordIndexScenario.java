package io.leakscan.scenario;

import java.util.Map;
import java.util.TreeMap;

/** An index that keeps whole records (with their payload) instead of keys, and is never pruned. */
public final class RecordIndexScenario extends GrowthScenario {
    /** A record with a payload the index should not keep alive. */
    public static final class Order {
        final long id;
        final String customer;
        final byte[] document;

        Order(long id) {
            this.id = id;
            this.customer = "customer-" + (id % 97);
            this.document = new byte[700];
        }
    }

    static final Map<Long, Order> ORDERS_BY_ID = new TreeMap<>();
    private long next;

    @Override
    protected void setUp() {
        add(300);
    }

    @Override
    protected void grow(int round) {
        add(1_500);
    }

    private void add(int n) {
        for (int i = 0; i < n; i++) {
            Order o = new Order(next++);
            ORDERS_BY_ID.put(o.id, o);
        }
    }

    public static void main(String[] args) throws Exception {
        run(new RecordIndexScenario(), args);
    }
}

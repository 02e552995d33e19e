package io.leakscan.bench.harness;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;

/**
 * A heap dump of a real program: the H2 database (from Maven Central) running in-process with an in-memory
 * MVStore database ({@code jdbc:h2:mem:bench}), two tables with secondary indexes filled with rows of ints,
 * varchars, timestamps and decimals until the dump would be about the requested size, then a few threads
 * querying and updating concurrently, their connections and an open result set kept while the dump is
 * written with {@code HotSpotDiagnosticMXBean.dumpHeap(path, true)}.
 *
 * <p>Usage: {@code H2HeapGenerator [TARGET_MB [DUMP.hprof]]} (defaults 1024, h2-1024mb.hprof). Run it with a
 * heap of about 3 × TARGET_MB. Prints rows, heap and object counts to stderr. Benchmark only; not shipped.
 */
public final class H2HeapGenerator {
    /**
     * Dump bytes per byte of live heap for this heap (many small objects: an HPROF instance record has 25
     * bytes of header and 8-byte references where the JVM has 12 and 4). Measured: a 64 MB target gave a 72 MiB dump, 1024 MB gave 1000 MiB (1.05 GB).
     */
    static final double DUMP_PER_HEAP_BYTE = 1.55;
    static final String[] CITIES = {"Lisbon", "Oslo", "Turin", "Austin", "Osaka", "Recife", "Gdansk", "Leeds",
        "Perth", "Quito", "Dakar", "Hanoi"};
    static final String[] STATUS = {"NEW", "PAID", "PACKED", "SHIPPED", "DELIVERED", "RETURNED"};
    static final int ORDERS_PER_CUSTOMER = 3;
    static final int LOAD_THREADS = 4;

    private H2HeapGenerator() {
    }

    public static void main(String[] args) throws Exception {
        long targetMb = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path out = Path.of(args.length > 1 ? args[1] : "h2-" + targetMb + "mb.hprof");
        long targetHeap = (long) ((targetMb << 20) / DUMP_PER_HEAP_BYTE);
        long t0 = System.nanoTime();

        Connection main = DriverManager.getConnection("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", "");
        try (Statement s = main.createStatement()) {
            s.execute("CREATE TABLE customer(id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, email VARCHAR(128), "
                    + "city VARCHAR(32), created TIMESTAMP, balance DECIMAL(14,2), tier INT)");
            s.execute("CREATE UNIQUE INDEX customer_email ON customer(email)");
            s.execute("CREATE INDEX customer_city_created ON customer(city, created)");
            s.execute("CREATE TABLE orders(id BIGINT PRIMARY KEY, customer_id INT NOT NULL, placed TIMESTAMP, "
                    + "amount DECIMAL(12,2), status VARCHAR(16), quantity INT, note VARCHAR(200))");
            s.execute("CREATE INDEX orders_customer ON orders(customer_id)");
            s.execute("CREATE INDEX orders_status_placed ON orders(status, placed)");
        }
        main.setAutoCommit(false);
        Random r = new Random(42);
        long base = Timestamp.valueOf("2024-01-01 00:00:00").getTime();
        int customers = 0;
        long orders = 0;
        try (PreparedStatement ic = main.prepareStatement("INSERT INTO customer VALUES (?,?,?,?,?,?,?)");
             PreparedStatement io = main.prepareStatement("INSERT INTO orders VALUES (?,?,?,?,?,?,?)")) {
            int batch = targetMb < 64 ? 1000 : 5000;
            while (true) {
                for (int b = 0; b < batch; b++) {
                    int id = customers++;
                    ic.setInt(1, id);
                    ic.setString(2, "customer " + id);
                    ic.setString(3, "c" + id + "@example.com");
                    ic.setString(4, CITIES[r.nextInt(CITIES.length)]);
                    ic.setTimestamp(5, new Timestamp(base + r.nextInt(1_000_000_000) * 30L));
                    ic.setBigDecimal(6, BigDecimal.valueOf(r.nextInt(100_000_000), 2));
                    ic.setInt(7, r.nextInt(4));
                    ic.addBatch();
                    for (int k = 0, n = 1 + r.nextInt(2 * ORDERS_PER_CUSTOMER - 1); k < n; k++) {
                        io.setLong(1, orders++);
                        io.setInt(2, id);
                        io.setTimestamp(3, new Timestamp(base + r.nextInt(1_000_000_000) * 30L));
                        io.setBigDecimal(4, BigDecimal.valueOf(100 + r.nextInt(5_000_000), 2));
                        io.setString(5, STATUS[r.nextInt(STATUS.length)]);
                        io.setInt(6, 1 + r.nextInt(9));
                        io.setString(7, r.nextInt(4) == 0 ? null : "note " + Long.toHexString(r.nextLong()));
                        io.addBatch();
                    }
                }
                ic.executeBatch();
                io.executeBatch();
                main.commit();
                Runtime rt = Runtime.getRuntime();
                if (rt.totalMemory() - rt.freeMemory() >= targetHeap) {
                    System.gc();
                    long live = rt.totalMemory() - rt.freeMemory();
                    System.err.printf(Locale.ROOT, "h2: %,d customers, %,d orders, %,d MB live heap%n", customers,
                            orders, live >> 20);
                    if (live >= targetHeap) {
                        break;
                    }
                }
            }
        }
        main.setAutoCommit(true);
        System.err.printf(Locale.ROOT, "h2: loaded %,d rows in %.1f s%n", customers + orders,
                (System.nanoTime() - t0) / 1e9);

        // Some concurrent work, bounded in time and count; each thread then keeps its connection and an open
        // result set until the dump is written.
        CountDownLatch loaded = new CountDownLatch(LOAD_THREADS);
        CountDownLatch dumped = new CountDownLatch(1);
        AtomicLong ops = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        final int customerCount = customers;
        final int opsPerThread = (int) Math.min(20_000, Math.max(1_000, (customers + orders) / 8));
        for (int t = 0; t < LOAD_THREADS; t++) {
            final int seed = t;
            Thread th = new Thread(() -> work(seed, customerCount, opsPerThread, ops, loaded, dumped), "h2-client-" + t);
            th.setDaemon(true);
            th.start();
            threads.add(th);
        }
        loaded.await();
        System.err.printf(Locale.ROOT, "h2: %,d queries and updates from %d threads%n", ops.get(), LOAD_THREADS);

        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        String total = histogram.lines().filter(l -> l.startsWith("Total")).findFirst().orElse("Total ? ?").trim();
        String[] f = total.split("\\s+");
        System.err.printf(Locale.ROOT, "h2: live heap %s objects, %s bytes (class histogram)%n", f[1], f[2]);

        Path partial = out.resolveSibling(out.getFileName() + ".partial.hprof");
        Files.deleteIfExists(partial);
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(partial.toString(), true);
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        dumped.countDown();
        System.err.printf(Locale.ROOT, "h2: wrote %s, %,d bytes, %,d rows (%,d customers, %,d orders), in %.1f s%n",
                out, Files.size(out), customers + orders, customers, orders, (System.nanoTime() - t0) / 1e9);
        for (Thread th : threads) {
            th.join(10_000);
        }
        main.close();
    }

    private static void work(int seed, int customers, int maxOps, AtomicLong ops, CountDownLatch loaded,
            CountDownLatch dumped) {
        Random r = new Random(seed);
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:bench", "sa", "");
             PreparedStatement byEmail = c.prepareStatement("SELECT id, name, balance FROM customer WHERE email = ?");
             PreparedStatement sum = c.prepareStatement(
                     "SELECT COUNT(*), SUM(amount) FROM orders WHERE customer_id = ? AND status <> 'RETURNED'");
             PreparedStatement pay = c.prepareStatement("UPDATE customer SET balance = balance - ? WHERE id = ?");
             PreparedStatement ship = c.prepareStatement(
                     "UPDATE orders SET status = 'SHIPPED' WHERE customer_id = ? AND status = 'PACKED'");
             PreparedStatement recent = c.prepareStatement(
                     "SELECT id, email, created FROM customer WHERE city = ? AND created > ? ORDER BY created LIMIT 50")) {
            long end = System.nanoTime() + 5_000_000_000L;
            for (int i = 0; i < maxOps && System.nanoTime() < end; i++) {
                int id = r.nextInt(customers);
                switch (i % 4) {
                    case 0 -> {
                        byEmail.setString(1, "c" + id + "@example.com");
                        drain(byEmail);
                    }
                    case 1 -> {
                        sum.setInt(1, id);
                        drain(sum);
                    }
                    case 2 -> {
                        pay.setBigDecimal(1, BigDecimal.valueOf(r.nextInt(1000), 2));
                        pay.setInt(2, id);
                        pay.executeUpdate();
                    }
                    default -> {
                        ship.setInt(1, id);
                        ship.executeUpdate();
                    }
                }
                ops.incrementAndGet();
            }
            recent.setString(1, CITIES[seed % CITIES.length]);
            recent.setTimestamp(2, Timestamp.valueOf("2024-06-01 00:00:00"));
            try (ResultSet open = recent.executeQuery()) {
                open.next(); // a cursor left open across the dump
                loaded.countDown();
                dumped.await();
            }
        } catch (SQLException | InterruptedException e) {
            e.printStackTrace();
            loaded.countDown();
        }
    }

    private static void drain(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }
}

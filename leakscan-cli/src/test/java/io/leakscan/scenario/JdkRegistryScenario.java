package io.leakscan.scenario;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.util.Properties;
import java.util.Timer;
import java.util.TimerTask;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.management.ObjectName;

/**
 * JDK registries that leak in practice, one per mode (first argument): JDBC drivers registered and
 * never deregistered, shutdown hooks added per task, log handlers added per request, Timer tasks
 * scheduled far ahead, and MBeans registered per session. 100 registrations, then 300 per round, each
 * keeping a 2 KiB buffer.
 */
public final class JdkRegistryScenario extends GrowthScenario {
    /** A driver that accepts nothing: what a web application registers on every deployment. */
    public static final class PluginDriver implements Driver {
        final byte[] state = new byte[2048];

        @Override
        public Connection connect(String url, Properties info) {
            return null;
        }

        @Override
        public boolean acceptsURL(String url) {
            return false;
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }
    }

    /** A log handler per request. */
    public static final class RequestHandler extends Handler {
        final byte[] state = new byte[2048];

        @Override
        public void publish(LogRecord record) {
            state[0]++;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** An MBean per session. */
    public interface SessionStatsMBean {
        int getHits();
    }

    /** Its implementation. */
    public static final class SessionStats implements SessionStatsMBean {
        final byte[] state = new byte[2048];

        @Override
        public int getHits() {
            return state[0];
        }
    }

    static final Logger LOG = Logger.getLogger("io.leakscan.scenario.requests");
    static final Timer TIMER = new Timer("housekeeping", true);
    private final String mode;
    private int next;

    private JdkRegistryScenario(String mode) {
        this.mode = mode;
    }

    @Override
    protected void setUp() throws Exception {
        LOG.setUseParentHandlers(false);
        register(100);
    }

    @Override
    protected void grow(int round) throws Exception {
        register(300);
    }

    private void register(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            byte[] state = new byte[2048];
            switch (mode) {
                case "drivers" -> DriverManager.registerDriver(new PluginDriver());
                case "shutdown-hooks" -> Runtime.getRuntime().addShutdownHook(new Thread(() -> state[0]++));
                case "log-handlers" -> LOG.addHandler(new RequestHandler());
                case "timer" -> TIMER.schedule(new TimerTask() {
                    @Override
                    public void run() {
                        state[0]++;
                    }
                }, 3_600_000L);
                case "mbeans" -> ManagementFactory.getPlatformMBeanServer().registerMBean(new SessionStats(),
                        new ObjectName("io.leakscan:type=SessionStats,id=" + next++));
                default -> throw new IllegalArgumentException(mode);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        run(new JdkRegistryScenario(args[0]), java.util.Arrays.copyOfRange(args, 1, args.length));
        Runtime.getRuntime().halt(0); // skip the registered shutdown hooks
    }
}

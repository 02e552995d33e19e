package io.leakscan.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service behind {@code testdata/leaky-service-*.hprof.gz}: a session cache that is never evicted,
 * a listener list that only grows, and stable reference data. Between the two dumps it "serves" a
 * thousand more requests.
 */
public final class LeakyServiceScenario extends GrowthScenario {
    /** A user session; its attributes are what the cache keeps alive. */
    public static final class Session {
        final String user;
        final Map<String, Object> attributes = new HashMap<>();

        Session(String user) {
            this.user = user;
            attributes.put("profile", new byte[900]);
            attributes.put("cart", new ArrayList<>(List.of("sku-1", "sku-2")));
        }
    }

    /** Notified of every login; registered per request and never removed. */
    public interface LoginListener {
        void loggedIn(Session s);
    }

    static final Map<String, Session> SESSION_CACHE = new HashMap<>();
    static final List<LoginListener> LOGIN_LISTENERS = new ArrayList<>();
    static final List<String> COUNTRY_CODES = new ArrayList<>();
    private int next;

    @Override
    protected void setUp() {
        for (int i = 0; i < 5_000; i++) {
            COUNTRY_CODES.add("country-" + i);
        }
        serve(400);
    }

    @Override
    protected void grow(int round) {
        serve(1_000);
    }

    private void serve(int requests) {
        for (int i = 0; i < requests; i++) {
            Session s = new Session("user-" + next++);
            SESSION_CACHE.put(s.user, s);
            byte[] audit = new byte[256];
            LOGIN_LISTENERS.add(x -> audit[0]++);
        }
    }

    public static void main(String[] args) throws Exception {
        run(new LeakyServiceScenario(), args);
    }
}

package io.leakscan.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Tasks in a pooled thread append to a ThreadLocal list that is never cleared. */
public final class ThreadLocalScenario extends GrowthScenario {
    static final ThreadLocal<List<byte[]>> AUDIT_TRAIL = ThreadLocal.withInitial(ArrayList::new);
    static final ExecutorService POOL = Executors.newFixedThreadPool(3);

    @Override
    protected void setUp() throws Exception {
        submit(60);
    }

    @Override
    protected void grow(int round) throws Exception {
        submit(900);
    }

    private static void submit(int tasks) throws Exception {
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            done.add(POOL.submit(() -> AUDIT_TRAIL.get().add(new byte[1024])));
        }
        for (java.util.concurrent.Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            run(new ThreadLocalScenario(), args);
        } finally {
            POOL.shutdownNow();
        }
    }
}

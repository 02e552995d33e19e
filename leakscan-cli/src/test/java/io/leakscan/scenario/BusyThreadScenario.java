package io.leakscan.scenario;

import java.util.concurrent.CountDownLatch;

/**
 * Child-JVM scenario: a thread named {@value #THREAD_NAME} holds 3 MB in a local variable of its running
 * frame (so the thread itself retains it, the biggest object of the heap) while the main thread dumps.
 * A static map holds a smaller cache, reached from the class that declares it.
 */
public final class BusyThreadScenario {
    public static final String THREAD_NAME = "cache-loader-7";
    public static final int HELD_BYTES = 3 << 20;
    static final java.util.Map<String, byte[]> CACHE = new java.util.HashMap<>();

    private BusyThreadScenario() {
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 100; i++) {
            CACHE.put("k" + i, new byte[4096]);
        }
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch dumped = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            byte[][] held = new byte[3][];
            for (int i = 0; i < held.length; i++) {
                held[i] = new byte[HELD_BYTES / held.length];
            }
            holding.countDown();
            try {
                dumped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (held[0].length == 0) {
                System.out.println("unreachable: keeps held alive until here");
            }
        }, THREAD_NAME);
        t.start();
        holding.await();
        ScenarioSupport.dumpHeap(args[0]);
        dumped.countDown();
        t.join();
    }
}

package io.leakscan.scenario;

import java.util.concurrent.CountDownLatch;

/**
 * Child-JVM scenario: a thread named {@link #NAME} holds a byte[{@link #LOCAL_BYTES}] in a local variable of
 * {@link #hold} and a byte[{@link #THREAD_LOCAL_BYTES}] as a ThreadLocal value, and waits while the heap is
 * dumped to {@code args[0]}.
 */
public final class ThreadsScenario {
    public static final String NAME = "leakscan-worker";
    public static final int LOCAL_BYTES = 2_000_000;
    public static final int THREAD_LOCAL_BYTES = 1_000_000;
    static final ThreadLocal<byte[]> BUFFER = new ThreadLocal<>();

    private ThreadsScenario() {
    }

    static void hold(CountDownLatch ready, CountDownLatch done) throws InterruptedException {
        byte[] local = new byte[LOCAL_BYTES];
        BUFFER.set(new byte[THREAD_LOCAL_BYTES]);
        ready.countDown();
        done.await();
        if (local.length != LOCAL_BYTES) {
            throw new IllegalStateException(); // keeps the local live until the dump
        }
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                hold(ready, done);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, NAME);
        worker.start();
        ready.await();
        ScenarioSupport.dumpHeap(args[0]);
        done.countDown();
        worker.join();
    }
}

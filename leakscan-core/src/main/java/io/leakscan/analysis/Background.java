package io.leakscan.analysis;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The second core: work overlapped with the main thread runs on a fresh daemon thread (a few per
 * analysis, so no pool is kept). {@link #join} rethrows the worker's failure as itself, so an
 * OutOfMemoryError still reaches the CLI's exit-code mapping. Thread-safe.
 */
final class Background {
    static final Executor EXECUTOR = r -> {
        Thread t = new Thread(r, "leakscan-background");
        t.setDaemon(true);
        t.start();
    };

    private Background() {
    }

    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}

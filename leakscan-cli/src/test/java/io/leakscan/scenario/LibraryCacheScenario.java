package io.leakscan.scenario;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Caches built with the real libraries, one per mode (first argument): Guava manual and loading caches,
 * Caffeine unbounded and expiring caches and an Ehcache 3 heap cache with room for a million entries that
 * only grow (leaks), and Guava, Caffeine and Ehcache caches with a maximum size that are full from the
 * start (controls). Every round adds 2,000 entries of 512 bytes.
 */
public final class LibraryCacheScenario extends GrowthScenario {
    static Object responses;
    private final BiConsumer<String, byte[]> put;
    private final boolean bounded;
    private int next;

    private LibraryCacheScenario(String mode) {
        switch (mode) {
            case "guava" -> {
                com.google.common.cache.Cache<String, byte[]> c = CacheBuilder.newBuilder().build();
                responses = c;
                put = c::put;
            }
            case "guava-loading" -> {
                com.google.common.cache.LoadingCache<String, byte[]> c = CacheBuilder.newBuilder()
                        .build(CacheLoader.from(k -> new byte[512]));
                responses = c;
                put = (k, v) -> c.getUnchecked(k);
            }
            case "guava-bounded" -> {
                com.google.common.cache.Cache<String, byte[]> c = CacheBuilder.newBuilder().maximumSize(2_000).build();
                responses = c;
                put = c::put;
            }
            case "caffeine" -> {
                com.github.benmanes.caffeine.cache.Cache<String, byte[]> c = Caffeine.newBuilder().build();
                responses = c;
                put = c::put;
            }
            case "caffeine-expiring" -> {
                com.github.benmanes.caffeine.cache.Cache<String, byte[]> c = Caffeine.newBuilder()
                        .expireAfterWrite(Duration.ofHours(1)).executor(Runnable::run).build();
                responses = c;
                put = c::put;
            }
            case "caffeine-bounded" -> {
                com.github.benmanes.caffeine.cache.Cache<String, byte[]> c = Caffeine.newBuilder().maximumSize(2_000)
                        .executor(Runnable::run).build();
                responses = c;
                put = (k, v) -> {
                    c.put(k, v);
                    c.cleanUp();
                };
            }
            case "ehcache", "ehcache-bounded" -> {
                org.ehcache.CacheManager manager = org.ehcache.config.builders.CacheManagerBuilder
                        .newCacheManagerBuilder().build(true);
                org.ehcache.Cache<String, byte[]> c = manager.createCache("responses",
                        org.ehcache.config.builders.CacheConfigurationBuilder.newCacheConfigurationBuilder(String.class,
                                byte[].class, org.ehcache.config.builders.ResourcePoolsBuilder.heap(
                                        mode.equals("ehcache") ? 1_000_000 : 2_000)));
                responses = c;
                put = c::put;
            }
            default -> throw new IllegalArgumentException(mode);
        }
        bounded = mode.endsWith("bounded");
    }

    @Override
    protected void setUp() {
        add(bounded ? 4_000 : 500);
    }

    @Override
    protected void grow(int round) {
        add(2_000);
    }

    private void add(int n) {
        for (int i = 0; i < n; i++) {
            put.accept("request-" + next++, new byte[512]);
        }
    }

    public static void main(String[] args) throws Exception {
        run(new LibraryCacheScenario(args[0]), java.util.Arrays.copyOfRange(args, 1, args.length));
    }
}

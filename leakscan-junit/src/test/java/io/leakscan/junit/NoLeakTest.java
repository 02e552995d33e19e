package io.leakscan.junit;

import static io.leakscan.junit.LeakAssertions.assertNoLeak;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Correct services, checked by the extension under Surefire as a user's build would: they must pass, every
 * time. Warm-ups fill the bounded cache, start the pool's threads and load every class the request needs.
 */
class NoLeakTest {
    @LeakTest(warmups = 2, iterations = 3)
    void boundedCacheStaysTheSameSize() {
        Services.BoundedCache.handleRequests();
    }

    @LeakTest(warmups = 2, iterations = 3)
    void listenersRemovedAfterUse() {
        Services.requestsThatRemoveTheirListeners();
    }

    @LeakTest(warmups = 2, iterations = 3)
    void threadLocalClearedAfterUse() throws Exception {
        Services.PooledAudit.handleRequests(true);
    }

    @LeakTest(analysis = LeakTest.Analysis.CHILD_JVM)
    void analysedInAChildJvmToo() {
        Services.BoundedCache.handleRequests();
    }

    @Test
    void assertionApiPassesACorrectService() throws Throwable {
        assertNoLeak(Services::requestsThatRemoveTheirListeners);
    }

    @AfterAll
    static void passingChecksLeaveNoDumps() throws IOException {
        Path dir = Path.of("target", "leakscan-junit");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s.filter(p -> p.getFileName().toString().startsWith("NoLeakTest.")).toList()).isEmpty();
            }
        }
    }
}

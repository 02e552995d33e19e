package io.leakscan.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser harness really sees what the report tests say is absent: a console error, an uncaught
 * error and a request (to a closed port on the loopback address; nothing leaves the machine).
 */
class HeadlessChromiumTest {
    @TempDir
    Path dir;

    @Test
    void recordsConsoleErrorsUncaughtErrorsAndRequests() throws Exception {
        Path page = dir.resolve("noisy.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><p>noisy</p><script>console.error('boom');"
                + "fetch('http://127.0.0.1:9/probe').catch(() => {});"
                + "setTimeout(() => { throw new Error('uncaught kaboom'); }, 0);</script></body></html>");
        try (HeadlessChromium browser = HeadlessChromium.start(800, 600)) {
            browser.open(page);
            browser.js("return new Promise(r => setTimeout(r, 50))");
            assertThat(browser.errors()).anyMatch(e -> e.contains("boom")).anyMatch(e -> e.contains("uncaught kaboom"));
            assertThat(browser.requests()).contains("http://127.0.0.1:9/probe");
        }
    }
}

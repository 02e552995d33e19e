package io.leakscan.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.bidi.module.LogInspector;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (Selenium, WebDriver BiDi), recording
 * every console error, uncaught script error and network request the page makes. Where Chromium is not
 * installed, {@link #start} skips the test with a loud message on stderr; under CI (environment CI set,
 * where .ci/run installs it) a missing browser fails the test instead, so a browser test can never pass
 * by not running. Not thread-safe; one per test.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LEAKSCAN_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("LEAKSCAN_CHROMEDRIVER", "/usr/bin/chromedriver"));

    /** Selenium warns on every start that it has no CDP binding for this Chromium: we use only BiDi and one plain CDP command. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final LogInspector logs;
    private final Network network;
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> infos = Collections.synchronizedList(new ArrayList<>());
    private int sentinels;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.logs = new LogInspector(driver);
        this.network = new Network(driver);
        logs.onConsoleEntry(e -> {
            if (e.getLevel() == org.openqa.selenium.bidi.log.LogLevel.ERROR) {
                errors.add("console: " + e.getText());
            } else {
                infos.add(e.getText());
            }
        });
        logs.onJavaScriptException(e -> errors.add("uncaught: " + e.getText()));
        network.onBeforeRequestSent(r -> requests.add(r.getRequest().getUrl()));
    }

    /** Starts a browser with a window of {@code width} × {@code height} CSS pixels, or skips the test loudly. */
    public static HeadlessChromium start(int width, int height) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "BROWSER TESTS SKIPPED: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing; install them with"
                    + " 'apt-get install -y chromium chromium-driver' (.ci/run does) to run the HTML report's browser tests";
            System.err.println("\n*** " + message + " ***\n");
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + " (CI must have them)");
            }
            Assumptions.abort(message);
        }
        Path profile = Files.createTempDirectory("leakscan-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Running as root in a container: no sandbox; and nothing that would reach out (updates, sync, QUIC probes).
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        options.enableBiDi();
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        try {
            return new HeadlessChromium(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            deleteTree(profile);
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a local file; WebDriver returns once the document has loaded and its scripts have run. */
    public void open(Path file) {
        driver.get(file.toUri().toString());
    }

    /** Runs {@code script} in the page (its {@code arguments} as given) and returns its result. */
    public Object js(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Console errors and uncaught script errors so far. */
    public List<String> errors() throws InterruptedException {
        settle();
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /** URLs of every request the browser sent so far (the page's own file included). */
    public List<String> requests() throws InterruptedException {
        settle();
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * Waits until the browser's events so far have reached us: they come in order over one connection, so
     * once a console line logged now has arrived, every error and request before it has too.
     */
    private void settle() throws InterruptedException {
        String sentinel = "leakscan-test-sentinel-" + ++sentinels;
        driver.executeScript("console.info(arguments[0])", sentinel);
        for (int i = 0; i < 200 && !infos.contains(sentinel); i++) {
            Thread.sleep(25);
        }
        if (!infos.contains(sentinel)) {
            throw new IllegalStateException("the browser's log events did not arrive");
        }
    }

    /** Switches prefers-color-scheme (light or dark) as a reader's system setting would. */
    public void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Saves a PNG of the page as laid out in the window. */
    public void screenshot(Path png) throws IOException {
        Files.createDirectories(png.getParent());
        Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        try {
            logs.close();
            network.close();
        } finally {
            driver.quit();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

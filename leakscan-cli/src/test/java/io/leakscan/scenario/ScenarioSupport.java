package io.leakscan.scenario;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs scenario classes in child JVMs and lets them dump their heap. */
public final class ScenarioSupport {
    private ScenarioSupport() {
    }

    /** Writes a heap dump of live objects of the running JVM (called inside the child). */
    public static void dumpHeap(String path) throws IOException {
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(path, true);
    }

    /** Java launchers to run scenarios with: the running JDK, plus any newer JDK 21+ installed beside it. */
    public static List<Path> javaLaunchers() {
        List<Path> result = new ArrayList<>();
        result.add(Path.of(System.getProperty("java.home"), "bin", "java"));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (var dirs = Files.list(jvms)) {
                dirs.filter(d -> d.getFileName().toString().matches(".*-(2[1-9]|[3-9]\\d)-.*"))
                        .map(d -> d.resolve("bin").resolve("java"))
                        .filter(Files::isExecutable)
                        .sorted()
                        .findFirst()
                        .ifPresent(result::add);
            } catch (IOException ignored) {
                // only the running JDK then
            }
        }
        return result;
    }

    /** Runs {@code mainClass} with the test classpath in a child JVM and waits; fails on a non-zero exit. */
    public static void run(Path java, Class<?> mainClass, String... args) throws IOException, InterruptedException {
        run(java, List.of("-Xmx256m", "-XX:+UseSerialGC"), mainClass, args);
    }

    /** As {@link #run(Path, Class, String...)} with these JVM options instead of the defaults. */
    public static void run(Path java, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java.toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.appendTo(new File(System.getProperty("java.io.tmpdir"), "leakscan-scenario.log")))
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("scenario " + mainClass.getSimpleName() + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("scenario " + mainClass.getSimpleName() + " exited " + p.exitValue());
        }
    }
}

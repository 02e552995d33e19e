package io.leakscan.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A scenario left running in a child JVM (to attach to), until {@link #close()} kills it. */
public final class RunningScenario implements AutoCloseable {
    private final Process process;

    private RunningScenario(Process process) {
        this.process = process;
    }

    /** Starts {@code mainClass} with the test classpath and waits for its "ready" line. */
    public static RunningScenario start(Path java, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java.toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("ready")) {
            // JVM warnings before the scenario's own line
        }
        if (line == null) {
            p.destroyForcibly();
            throw new IllegalStateException(mainClass.getSimpleName() + " ended before it was ready");
        }
        return new RunningScenario(p);
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the process is killed either way; keep the interrupt for the caller
        }
    }
}

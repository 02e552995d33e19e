package io.leakscan.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar target/leakscan.jar …} as a separate process, as a CI job would. */
record JarRun(int exitCode, String out, String err) {
    static final Path JAR = Path.of("target", "leakscan.jar");

    static JarRun of(Path workDir, String... args) throws IOException, InterruptedException {
        return run(List.of(), Map.of(), Path.of("").toAbsolutePath(), workDir, args);
    }

    /** As {@link #of(Path, String...)} with these environment variables set (LANG, LC_ALL…). */
    static JarRun of(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(List.of(), env, Path.of("").toAbsolutePath(), workDir, args);
    }

    /** Runs with {@code currentDir} as the process's working directory ({@code workDir} holds its captured output). */
    static JarRun in(Path currentDir, Path workDir, String... args) throws IOException, InterruptedException {
        return run(List.of(), Map.of(), currentDir, workDir, args);
    }

    /** As {@link #of}, with more JVM options (system properties, heap size) before {@code -jar}. */
    static JarRun withJvmOptions(List<String> jvmOptions, Path workDir, String... args)
            throws IOException, InterruptedException {
        return run(jvmOptions, Map.of(), Path.of("").toAbsolutePath(), workDir, args);
    }

    private static JarRun run(List<String> jvmOptions, Map<String, String> env, Path currentDir, Path workDir,
            String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(currentDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("leakscan timed out: " + cmd);
        }
        JarRun run = new JarRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}

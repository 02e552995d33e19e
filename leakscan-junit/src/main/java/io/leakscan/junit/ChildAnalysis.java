package io.leakscan.junit;

import io.leakscan.diff.DumpSummary;
import io.leakscan.report.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Analyses dumps in a child JVM (this JVM's java and class path, the heap the dumps need) when the test JVM
 * cannot spare the memory: the child writes each dump's full summary as JSON next to it, the test JVM reads
 * them back (kilobytes). Stateless.
 */
final class ChildAnalysis {
    private ChildAnalysis() {
    }

    static List<DumpSummary> summaries(List<Path> dumps, long heapBytes) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + Math.max(256, heapBytes >> 20) + "m", "-cp", System.getProperty("java.class.path"),
                ChildAnalysis.class.getName()));
        for (Path d : dumps) {
            cmd.add(d.toAbsolutePath().toString());
        }
        Path log = Files.createTempFile(dumps.get(0).getParent(), "child-analysis", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("leakscan's child JVM did not finish analysing " + dumps.size()
                        + " dumps in 10 minutes");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("leakscan's child JVM failed (exit " + p.exitValue() + "): "
                        + Files.readString(log).strip());
            }
            List<DumpSummary> out = new ArrayList<>();
            for (Path d : dumps) {
                Path json = summaryOf(d);
                out.add(SummaryJson.read(json));
                Files.delete(json);
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path summaryOf(Path dump) {
        return dump.resolveSibling(dump.getFileName() + ".summary.json");
    }

    /** In the child: summarises each dump named on the command line into DUMP.summary.json. */
    public static void main(String[] args) throws IOException {
        for (String a : args) {
            Path dump = Path.of(a);
            SummaryJson.write(LeakCheck.summarize(dump), summaryOf(dump));
        }
    }
}

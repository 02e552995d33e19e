package io.leakscan.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr for the long phases (reading a dump, analysing it), drawn by the progressbar
 * library — only when leakscan runs in a terminal and not with {@code --quiet}; scripts and CI logs
 * see nothing. Not thread-safe (one per command run).
 */
final class ProgressDisplay implements AutoCloseable {
    private final boolean enabled;
    private ProgressBar bar;

    ProgressDisplay(CommonOptions common) {
        this.enabled = !common.quiet && !common.verbose && stderrIsTerminal() && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * True when stderr goes to a terminal. Java cannot ask that directly: on Linux the file descriptor's
     * link tells; elsewhere fall back to {@link System#console()} (which also requires stdin and stdout).
     */
    static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** Starts a phase measured in bytes (reading), replacing the previous bar. */
    void startBytes(String task, long totalBytes) {
        start(task, Math.max(1, totalBytes >> 20), "MiB");
    }

    /** Starts a phase without a known amount of work (shows elapsed time). */
    void startPhase(String task) {
        start(task, -1, "");
    }

    private void start(String task, long max, String unit) {
        close();
        if (!enabled) {
            return;
        }
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)));
        if (!unit.isEmpty()) {
            b.setUnit(" " + unit, 1);
        }
        bar = b.build();
    }

    /** Moves the current byte-measured bar. */
    void bytesDone(long doneBytes) {
        if (bar != null) {
            bar.stepTo(doneBytes >> 20);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}

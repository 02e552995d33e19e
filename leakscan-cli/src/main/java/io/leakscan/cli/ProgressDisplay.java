package io.leakscan.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One line of progress on stderr for the long phases, only when leakscan runs in a terminal and not with
 * {@code --quiet} or {@code --verbose}; scripts and CI logs see nothing. A phase with a known amount of work
 * (reading a dump: its bytes) shows a bar, a percentage and the amount; any other phase shows a spinner
 * with its name and the time spent. When a phase ends its line is erased, so nothing is left behind.
 *
 * <p>A daemon thread redraws the line four times a second; the command's thread only sets the state.
 * Thread-safe (all state is guarded by this object's lock). Costs one thread while a phase runs.
 */
final class ProgressDisplay implements AutoCloseable {
    private static final long REDRAW_MILLIS = 250;
    private static final char[] SPINNER = {'|', '/', '-', '\\'};
    private static final int BAR_CELLS = 24;

    private final PrintStream stream;
    private final boolean enabled;
    private final LongSupplier nanoTime;
    private final int width;

    private String task;
    private long totalBytes = -1;
    private long doneBytes;
    private long startNanos;
    private int ticks;
    private int drawnChars;
    private Thread ticker;

    ProgressDisplay(CommonOptions common) {
        this(System.err, !common.quiet && !common.verbose && stderrIsTerminal() && !"dumb".equals(System.getenv("TERM")),
                System::nanoTime, columns());
    }

    /** For tests: draws on {@code stream} with the clock given, and starts no thread. */
    ProgressDisplay(PrintStream stream, boolean enabled, LongSupplier nanoTime, int width) {
        this.stream = stream;
        this.enabled = enabled;
        this.nanoTime = nanoTime;
        this.width = Math.max(40, width);
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

    private static int columns() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim());
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** Starts a phase measured in bytes (reading a dump of {@code totalBytes}), replacing the previous one. */
    void startBytes(String name, long totalBytes) {
        start(name, Math.max(1, totalBytes));
    }

    /** Starts a phase without a known amount of work: a spinner with its name and elapsed time. */
    void startPhase(String name) {
        start(name, -1);
    }

    private synchronized void start(String name, long total) {
        erase();
        if (!enabled) {
            return;
        }
        task = name;
        totalBytes = total;
        doneBytes = 0;
        startNanos = nanoTime.getAsLong();
        ticks = 0;
        if (ticker == null && stream == System.err) {
            // Only on the real stderr: tests draw with their own clock and call redraw() themselves.
            ticker = new Thread(this::tick, "leakscan-progress");
            ticker.setDaemon(true);
            ticker.start();
        }
        redraw();
    }

    /**
     * Moves the byte-measured bar. Reaching the total means the bytes are read but the phase goes on
     * (the model is indexed): the bar gives way to a spinner rather than stalling short of 100 %.
     */
    synchronized void bytesDone(long done) {
        if (task == null || totalBytes < 0) {
            return;
        }
        doneBytes = Math.min(done, totalBytes);
        if (doneBytes >= totalBytes) {
            task = task + ": indexing";
            totalBytes = -1;
        }
    }

    /** The line as it would be drawn now (without the carriage return), or null when no phase runs. */
    synchronized String line() {
        if (task == null) {
            return null;
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanoTime.getAsLong() - startNanos);
        String elapsed = String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        String tail;
        if (totalBytes > 0) {
            int percent = (int) (doneBytes * 100 / totalBytes);
            int cells = (int) (doneBytes * BAR_CELLS / totalBytes);
            StringBuilder bar = new StringBuilder("[");
            for (int i = 0; i < BAR_CELLS; i++) {
                bar.append(i < cells ? '=' : i == cells ? '>' : ' ');
            }
            bar.append(']');
            tail = String.format(Locale.ROOT, " %s %3d%% %,d/%,d MiB %s", bar, percent, doneBytes >> 20,
                    Math.max(1, totalBytes >> 20), elapsed);
        } else {
            tail = " " + SPINNER[ticks % SPINNER.length] + " " + elapsed;
        }
        String name = task;
        int room = width - 1 - tail.length();
        if (name.length() > room) {
            name = name.substring(0, Math.max(0, room - 3)) + "...";
        }
        return name + tail;
    }

    /** Draws the current line over the previous one. */
    synchronized void redraw() {
        String l = line();
        if (l == null) {
            return;
        }
        ticks++;
        StringBuilder s = new StringBuilder("\r").append(l);
        for (int i = l.length(); i < drawnChars; i++) {
            s.append(' ');
        }
        drawnChars = l.length();
        stream.print(s);
        stream.flush();
    }

    /** Erases the line: a finished phase leaves nothing on the terminal. */
    private void erase() {
        if (drawnChars > 0) {
            stream.print("\r" + " ".repeat(drawnChars) + "\r");
            stream.flush();
            drawnChars = 0;
        }
        task = null;
    }

    private void tick() {
        try {
            while (true) {
                Thread.sleep(REDRAW_MILLIS);
                redraw();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the current phase and erases its line. */
    @Override
    public synchronized void close() {
        erase();
        if (ticker != null) {
            ticker.interrupt();
            ticker = null;
        }
    }
}

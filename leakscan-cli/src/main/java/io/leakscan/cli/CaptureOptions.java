package io.leakscan.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What to dump, where and how often: the options {@code capture} and {@code watch} share (a picocli mixin). */
public final class CaptureOptions {
    @Parameters(index = "0", paramLabel = "PID", description = "Process id of a local JVM (JDK 17 or newer) of this user.")
    long pid;

    @Option(names = "--every", paramLabel = "DURATION", defaultValue = "60s",
            description = "Time between the starts of two dumps: 500ms, 30s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    String every;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "Directory for the dumps, named leakscan-PID-UTCTIME.hprof.gz (default: the current one).")
    Path out;

    @ArgGroup(exclusive = true)
    Liveness liveness = new Liveness();

    static final class Liveness {
        @Option(names = "--live", description = "Dump only live objects, after a full GC (the default).")
        boolean live;

        @Option(names = "--all-objects", description = "Dump unreachable objects too (no full GC first).")
        boolean allObjects;
    }

    @Option(names = "--gzip", paramLabel = "LEVEL", defaultValue = "1",
            description = "Compression the JVM applies while dumping (jcmd's -gz): 1 (fast) to 9, 0 for a plain"
                    + " .hprof (default: ${DEFAULT-VALUE}).")
    int gzipLevel;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "0",
            description = "Keep at most N dumps on disk (at least 2): the first and the latest always stay, the"
                    + " ones between are removed oldest first once analysed. 0 keeps all (default).")
    int keep;

    /** {@code --every} in milliseconds; an {@link IllegalArgumentException} naming the option when malformed. */
    long everyMillis() {
        return parseDuration("--every", every).toMillis();
    }

    /** "500ms", "30s", "5m", "2h" (a bare number is seconds) as a duration greater than zero. */
    static Duration parseDuration(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t));
            }
            if (d.isNegative() || d.isZero()) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a duration such as 500ms, 30s, 5m or 1h, not '" + text + "'");
        }
    }

    /** Usage checks common to both commands; a message for a usage error, or null. */
    String problem() {
        if (gzipLevel < 0 || gzipLevel > 9) {
            return "--gzip takes a level from 1 to 9, or 0 for no compression";
        }
        if (keep == 1 || keep < 0) {
            return "--keep takes 2 or more (the first and the latest dump are always kept), or 0 to keep all";
        }
        if (pid <= 0) {
            return "PID must be a process id (a positive number)";
        }
        return null;
    }
}

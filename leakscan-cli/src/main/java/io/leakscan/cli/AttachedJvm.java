package io.leakscan.cli;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.RuntimeMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A local JVM leakscan has attached to through the JDK's Attach API ({@code jdk.attach}), to read its used
 * heap (over the local JMX agent the attach starts, as {@code jcmd PID ManagementAgent.start_local} does;
 * nothing listens on a network port), and that dumps its heap with {@code jcmd PID GC.heap_dump}. Before attaching, the reasons an attach cannot work (no such process,
 * another user's, not a JVM, attach disabled) are found from {@code /proc} and named in one line, exit 3.
 * Holds one JMX connection; not thread-safe; {@link #close()} it.
 */
final class AttachedJvm implements AutoCloseable {
    private final long pid;
    private final JMXConnector connector;
    private final MBeanServerConnection server;

    private AttachedJvm(long pid, JMXConnector connector) throws IOException {
        this.pid = pid;
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
    }

    /** Attaches to {@code pid}; an {@link IoFailure} (exit 3) naming the reason when that cannot work. */
    static AttachedJvm attach(long pid) {
        checkAttachable(pid);
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            throw new IoFailure("cannot attach to process " + pid + ": " + e.getMessage()
                    + " (is it a JVM of this user, with attach enabled?)", e);
        }
        try {
            String address = vm.startLocalManagementAgent();
            return new AttachedJvm(pid, JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } catch (IOException | RuntimeException e) {
            throw new IoFailure("attached to process " + pid + " but could not reach its management agent: " + e, e);
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // the JMX connection is what we use from here on
            }
        }
    }

    /** The reasons found in /proc (Linux) why an attach to {@code pid} cannot work; silent where /proc says nothing. */
    static void checkAttachable(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        if (!Files.isDirectory(Path.of("/proc", "self"))) {
            return; // not Linux: the Attach API's own message will have to do
        }
        if (!Files.isDirectory(proc)) {
            throw new IoFailure("no process " + pid + " is visible here (it has ended, or runs in another"
                    + " container or PID namespace: run leakscan inside that container)", null);
        }
        int targetUid = uid(proc);
        int ownUid = uid(Path.of("/proc", "self"));
        if (targetUid >= 0 && ownUid > 0 && targetUid != ownUid) {
            // HotSpot's attach listener accepts a peer only with its own effective uid, or root: say so
            // rather than let the attach time out.
            throw new IoFailure("process " + pid + " belongs to user " + userName(targetUid) + ", and leakscan runs as "
                    + userName(ownUid) + ": a JVM accepts an attach only from its own user; run leakscan as that"
                    + " user (e.g. sudo -u " + userName(targetUid) + " bin/leakscan …)", null);
        }
        String cmdline = read(proc.resolve("cmdline")).replace('\0', ' ').trim();
        String maps = read(proc.resolve("maps"));
        if (!maps.isEmpty() && !maps.contains("/libjvm.so")) {
            String name = cmdline.isEmpty() ? read(proc.resolve("comm")).trim() : cmdline;
            throw new IoFailure("process " + pid + " is not a JVM (" + abbreviate(name) + ")", null);
        }
        String environ = read(proc.resolve("environ")).replace('\0', ' ');
        if (cmdline.contains("-XX:+DisableAttachMechanism") || environ.contains("-XX:+DisableAttachMechanism")) {
            throw new IoFailure("process " + pid + " runs with -XX:+DisableAttachMechanism, so no tool can attach"
                    + " to it; restart it without that flag, or have it dump itself (-XX:+HeapDumpOnOutOfMemoryError,"
                    + " HotSpotDiagnosticMXBean.dumpHeap)", null);
        }
    }

    /** Heap in use now (bytes): roughly what a dump of all objects will take on disk before compression. */
    long usedHeapBytes() {
        try {
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(server,
                    ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            return memory.getHeapMemoryUsage().getUsed();
        } catch (IOException | RuntimeException e) {
            throw new IoFailure("process " + pid + ": cannot read its heap usage: " + e, e);
        }
    }

    /** "Java 17.0.15 (Debian)", for the report header. */
    String javaVersion() {
        try {
            RuntimeMXBean runtime = ManagementFactory.newPlatformMXBeanProxy(server,
                    ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
            Map<String, String> props = runtime.getSystemProperties();
            return "Java " + props.getOrDefault("java.version", "?") + " (" + props.getOrDefault("java.vendor", "?") + ")";
        } catch (IOException | RuntimeException e) {
            return "Java (version unknown)";
        }
    }

    /**
     * Makes the target write a heap dump to {@code file} (which must not exist) with {@code jcmd PID
     * GC.heap_dump}: live objects only (a full GC first) unless {@code allObjects}, gzip at {@code gzipLevel}
     * (1-9) unless 0. Blocks while the target is paused writing it. Returns the seconds the target says the
     * dump took (its "Heap dump file created [N bytes in S secs]": the pause, without jcmd's own start-up),
     * or -1 when it does not say. (The diagnostic command is not offered
     * over JMX, only through the attach mechanism that jcmd uses; an unexported JDK class would be the only
     * other way in.)
     */
    double dumpHeap(Path file, boolean allObjects, int gzipLevel) {
        List<String> cmd = new ArrayList<>(List.of(jcmd().toString(), Long.toString(pid), "GC.heap_dump"));
        if (allObjects) {
            cmd.add("-all");
        }
        if (gzipLevel > 0) {
            cmd.add("-gz=" + gzipLevel);
        }
        cmd.add(file.toAbsolutePath().toString());
        String out;
        int exit;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = p.waitFor();
        } catch (IOException e) {
            throw new IoFailure("process " + pid + ": cannot run " + cmd.get(0) + ": " + IoFailure.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IoFailure("process " + pid + ": interrupted while dumping", e);
        }
        if (exit != 0 || !Files.isRegularFile(file) || !out.contains("Heap dump file created")) {
            // The target writes the file itself, as its own user: say so when that is what failed.
            String hint = out.contains("Permission denied") ? " (the JVM writes the dump itself, as its own user:"
                    + " give --out a directory that user can write)" : "";
            throw new IoFailure("process " + pid + ": the heap dump to " + file + " failed: "
                    + out.trim().replace('\n', ' ') + hint, null);
        }
        java.util.regex.Matcher secs = DUMP_SECONDS.matcher(out);
        return secs.find() ? Double.parseDouble(secs.group(1)) : -1;
    }

    private static final java.util.regex.Pattern DUMP_SECONDS = java.util.regex.Pattern.compile(" in ([0-9]+\\.[0-9]+) secs");

    /** jcmd of the JDK leakscan runs on, else of the target's own JDK (leakscan on a JRE). */
    private Path jcmd() {
        Path own = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (Files.isExecutable(own)) {
            return own;
        }
        try {
            Path exe = Path.of("/proc", Long.toString(pid), "exe").toRealPath();
            Path theirs = exe.resolveSibling("jcmd");
            if (Files.isExecutable(theirs)) {
                return theirs;
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux, or not ours to read
        }
        throw new IoFailure("no jcmd found in " + own.getParent() + " nor beside process " + pid + "'s java: run"
                + " leakscan on a JDK (not a JRE)", null);
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException ignored) {
            // the target may have ended; nothing of ours is left open
        }
    }

    private static int uid(Path procDir) {
        try {
            return (Integer) Files.getAttribute(procDir, "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    private static String userName(int uid) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
                String[] f = line.split(":");
                if (f.length > 2 && f[2].equals(Integer.toString(uid))) {
                    return f[0];
                }
            }
        } catch (IOException ignored) {
            // the number will do
        }
        return "uid " + uid;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return ""; // unreadable (another user's): the checks that need it are skipped
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "…" : s;
    }
}

package io.leakscan.scenario;

import java.util.HashMap;
import java.util.Map;

/**
 * A running service to attach to ({@code capture}, {@code watch}): a static cache that gains entries every
 * millisecond until the process is killed, so any two dumps some tenths of a second apart differ. With the
 * argument {@code ballast MB} it first fills the heap with that many megabytes of small live objects, so a
 * dump takes long enough to be interrupted. Prints "ready" when set up.
 */
public final class AttachTargetScenario {
    static final Map<String, byte[]> SESSIONS = new HashMap<>();
    static final Map<Integer, Object[]> BALLAST = new HashMap<>();

    private AttachTargetScenario() {
    }

    public static void main(String[] args) throws InterruptedException {
        int ballastMb = args.length > 1 && args[0].equals("ballast") ? Integer.parseInt(args[1]) : 0;
        for (int i = 0; i < ballastMb * 64; i++) {
            Object[] chunk = new Object[256]; // 256 small objects of ~64 B: 16 KiB of live data per chunk
            for (int j = 0; j < chunk.length; j++) {
                chunk[j] = new long[5];
            }
            BALLAST.put(i, chunk);
        }
        System.out.println("ready");
        System.out.flush();
        for (long i = 0; ; i++) {
            addSession(i);
            Thread.sleep(1);
        }
    }

    /** Out of main's frame, so the sleeping thread's stack holds no reference to the map (its holder is the static). */
    private static void addSession(long i) {
        SESSIONS.put("session-" + i, new byte[512]);
    }
}

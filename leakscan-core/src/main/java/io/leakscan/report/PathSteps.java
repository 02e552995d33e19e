package io.leakscan.report;

import io.leakscan.analysis.ObjectInspector;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.heap.ObjectKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Reference paths as readers see them ({@code static com.acme.Registry.CACHE → java.util.HashMap.table
 * → …}), named from the objects an {@link ObjectInspector} has read. Not thread-safe (the inspector is not).
 */
public final class PathSteps {
    private PathSteps() {
    }

    /**
     * Adds what naming {@code paths} needs to {@code sources} (every object but the last of a path) and
     * {@code threads} (threads on the paths, for their names), for one {@link ObjectInspector#loadWithThreadNames}.
     */
    public static void collect(ObjectInspector inspector, Collection<int[]> paths, Set<Integer> sources,
            Set<Integer> threads) {
        for (int[] p : paths) {
            for (int i = 0; i < p.length; i++) {
                if (i < p.length - 1) {
                    sources.add(p[i]);
                }
                if (inspector.isThread(p[i])) {
                    threads.add(p[i]);
                }
            }
        }
    }

    /**
     * The path from its last class object on: a chain held by a static field starts at the class that
     * declares it, as a Java developer reads it ({@code static com.acme.Main.CACHE → …}), not at whatever
     * first reached that class ({@code static sun.launcher.LauncherHelper.appClass → …} for every program
     * started with {@code java -cp … Main}). A class is held by its loader for as long as it is loaded, so
     * the shorter chain is as true as the longer one.
     */
    public static int[] fromDeclaringClass(HeapSnapshot snapshot, int[] path) {
        for (int i = path.length - 1; i > 0; i--) {
            if (snapshot.kind(path[i]) == ObjectKind.CLASS) {
                return java.util.Arrays.copyOfRange(path, i, path.length);
            }
        }
        return path;
    }

    /** {@code java.lang.Thread @ 0x… "pool-1-thread-3"} for a thread whose name was loaded, else as the snapshot says. */
    public static String describe(HeapSnapshot snapshot, ObjectInspector inspector, int o) {
        String d = snapshot.describe(o);
        if (inspector.isThread(o)) {
            String name = inspector.threadName(o);
            return name != null ? d + " \"" + name + "\"" : d;
        }
        return d;
    }

    /** The steps of one path, root first. */
    public static List<PathStep> of(HeapSnapshot snapshot, ObjectInspector inspector, int[] path) {
        List<PathStep> steps = new ArrayList<>(path.length);
        for (int i = 0; i < path.length; i++) {
            int o = path[i];
            String reference = i + 1 < path.length ? inspector.referenceName(o, path[i + 1]) : null;
            String cls = snapshot.classes().name(snapshot.classIndexOf(o));
            String label;
            if (snapshot.kind(o) == ObjectKind.CLASS) {
                String name = snapshot.classes().name(snapshot.classIndexOfClassObject(o));
                if (reference != null && reference.startsWith("static ")) {
                    label = "static " + name + "." + reference.substring(7);
                } else {
                    label = "class " + name + (reference != null ? " " + reference : "");
                }
            } else if (i + 1 < path.length) {
                String holder = cls;
                if (inspector.isThread(o)) {
                    String tn = inspector.threadName(o);
                    holder = tn != null ? cls + " \"" + tn + "\"" : cls;
                }
                label = reference.startsWith("[") ? holder + reference
                        : reference.startsWith("<") ? holder + " " + reference : holder + "." + reference;
            } else {
                label = describe(snapshot, inspector, o);
            }
            steps.add(new PathStep(label, describe(snapshot, inspector, o), cls, reference));
        }
        return steps;
    }
}

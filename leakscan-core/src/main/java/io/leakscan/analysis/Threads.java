package io.leakscan.analysis;

import io.leakscan.heap.DumpContents;
import io.leakscan.heap.HeapClassTable;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.heap.ObjectKind;
import io.leakscan.util.IntArrayList;
import io.leakscan.util.LongArrayList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The threads of a heap and what they hold: the objects their stack frames refer to (Java-frame roots,
 * with the frame) and the values of their {@code ThreadLocal}s, biggest retained size first. Threads
 * are the reachable instances of {@code java.lang.Thread} and its subclasses. Everything comes from the
 * graph and a {@link DumpContents} read with stacks; O(objects) to find the threads, then O(references of
 * the threads' maps). Stateless; thread-safe.
 */
public final class Threads {
    /** An object a stack frame holds: {@code frame} is the frame's depth (0 = top), -1 when unknown. */
    public record Local(int object, int frame) {
    }

    /**
     * One thread.
     *
     * @param thread            the thread object
     * @param locals            objects its frames hold, biggest retained first (the first {@code top})
     * @param localCount        how many distinct objects its frames hold in all (the thread itself left out)
     * @param threadLocalValues values of its ThreadLocals, biggest retained first (the first {@code top})
     * @param threadLocalCount  how many values in all
     */
    public record ThreadInfo(int thread, List<Local> locals, int localCount, int[] threadLocalValues,
            int threadLocalCount) {
    }

    private Threads() {
    }

    /** The reachable Thread objects, biggest retained size first. */
    public static int[] threadObjects(HeapAnalysis a) {
        HeapSnapshot s = a.snapshot();
        HeapClassTable classes = s.classes();
        int thread = classes.find("java.lang.Thread");
        if (thread < 0) {
            return new int[0];
        }
        boolean[] isThreadClass = new boolean[classes.count()];
        for (int c = 0; c < classes.count(); c++) {
            isThreadClass[c] = classes.isSubclassOf(c, thread);
        }
        int[] classOf = s.graph().classIndexOf();
        IntArrayList found = new IntArrayList(64);
        for (int o = 0; o < classOf.length; o++) {
            if (isThreadClass[classOf[o]] && s.kind(o) == ObjectKind.INSTANCE && a.dominatorTree().isReachable(o)) {
                found.add(o);
            }
        }
        int[] threads = found.toArray();
        RetainedOrder.biggestFirst(a, threads);
        return threads;
    }

    /**
     * Addresses of what naming the threads and telling their state needs read: the threads, their name
     * Strings and arrays, and (JDK 19+) their field holders. Found from the graph, so that one pass reads
     * them along with everything else.
     */
    public static long[] objectsToRead(HeapSnapshot s, int[] threads) {
        LongArrayList ids = new LongArrayList(threads.length * 4);
        for (int t : threads) {
            ids.add(s.objectId(t));
            int name = s.fieldTarget(t, "name");
            if (name >= 0) {
                ids.add(s.objectId(name));
                int value = s.fieldTarget(name, "value");
                if (value >= 0) {
                    ids.add(s.objectId(value));
                }
            }
            int holder = s.fieldTarget(t, "holder");
            if (holder >= 0) {
                ids.add(s.objectId(holder));
            }
        }
        return ids.toArray();
    }

    public static List<ThreadInfo> of(HeapAnalysis a, DumpContents contents, int[] threads, int top) {
        HeapSnapshot s = a.snapshot();
        Map<Integer, List<Local>> localsBySerial = new HashMap<>();
        for (DumpContents.LocalRoot r : contents.localRoots()) {
            localsBySerial.computeIfAbsent(r.threadSerial(), k -> new ArrayList<>()).add(new Local(r.object(), r.frame()));
        }
        List<ThreadInfo> result = new ArrayList<>();
        for (int t : threads) {
            List<Local> locals = new ArrayList<>(localsBySerial.getOrDefault(contents.threadSerial(t), List.of()));
            if (locals.isEmpty()) {
                // no frame numbers in the dump: what the thread's stack holds, from the graph
                int[] lt = s.threadLocalThreads();
                int[] lo = s.threadLocalObjects();
                for (int i = 0; i < lt.length; i++) {
                    if (lt[i] == t) {
                        locals.add(new Local(lo[i], -1));
                    }
                }
            }
            // The thread itself ('this' of run()) says nothing; an object in several frames is listed at its topmost.
            locals.removeIf(l -> l.object() == t);
            locals.sort((x, y) -> a.retainedBytes(x.object()) != a.retainedBytes(y.object())
                    ? Long.compare(a.retainedBytes(y.object()), a.retainedBytes(x.object()))
                    : x.object() != y.object() ? Integer.compare(x.object(), y.object())
                    : Integer.compare(x.frame(), y.frame()));
            for (int i = locals.size() - 1; i > 0; i--) {
                if (locals.get(i).object() == locals.get(i - 1).object()) {
                    locals.remove(i);
                }
            }
            int count = locals.size();
            List<Local> shown = top <= 0 || locals.size() <= top ? locals : new ArrayList<>(locals.subList(0, top));
            IntArrayList values = new IntArrayList(8);
            for (String field : new String[] {"threadLocals", "inheritableThreadLocals"}) {
                addThreadLocalValues(s, s.fieldTarget(t, field), values);
            }
            int[] v = values.toArray();
            RetainedOrder.biggestFirst(a, v);
            int vCount = v.length;
            if (top > 0 && v.length > top) {
                v = java.util.Arrays.copyOf(v, top);
            }
            result.add(new ThreadInfo(t, shown, count, v, vCount));
        }
        return result;
    }

    /** Values of a ThreadLocalMap: its table's entries' {@code value} fields. */
    private static void addThreadLocalValues(HeapSnapshot s, int map, IntArrayList values) {
        if (map < 0) {
            return;
        }
        int table = s.fieldTarget(map, "table");
        if (table < 0 || s.kind(table) != ObjectKind.OBJECT_ARRAY) {
            return;
        }
        int[] outStart = s.graph().outStart();
        int[] out = s.graph().out();
        for (int e = outStart[table]; e < outStart[table + 1]; e++) {
            int value = s.fieldTarget(out[e], "value");
            if (value >= 0) {
                values.add(value);
            }
        }
    }
}

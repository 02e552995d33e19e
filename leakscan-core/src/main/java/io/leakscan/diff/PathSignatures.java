package io.leakscan.diff;

import io.leakscan.analysis.ObjectInspector;
import io.leakscan.analysis.ShortestPaths;
import io.leakscan.heap.EdgeSlot;
import io.leakscan.heap.GcRootKind;
import io.leakscan.heap.HeapClassTable;
import io.leakscan.heap.HeapGraph;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.heap.ObjectKind;
import io.leakscan.util.IntArrayList;
import io.leakscan.util.LongIntMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every reachable object a signature: its shortest path from a GC root written with classes and
 * field names only — no addresses, no array indices, thread names with their numbers blurred — so that
 * the same structure has the same signature in two dumps even though every object moved. Runs of steps
 * through one class (a bucket's {@code next} chain, a tree's {@code left}/{@code right}) fold into their
 * last step, so the depth of an entry in its map does not change its signature.
 *
 * <p>O(objects + references) time; 4 bytes per object plus one entry per distinct signature.
 * Not thread-safe.
 */
final class PathSignatures {
    private static final int FIELD = 0;
    private static final int STATIC = 1;
    private static final int ELEMENT = 2;
    private static final int ROOT = 3;
    private static final int THREAD_STACK = 4;
    private static final int CLASS_EDGE = 5;

    private final HeapSnapshot snapshot;
    private final int[] signatureOf;
    private final IntArrayList parentSignature = new IntArrayList(1024);
    private final IntArrayList step = new IntArrayList(1024);
    private final List<String> rootLabels = new ArrayList<>();
    private final Map<String, Integer> rootLabelIds = new HashMap<>();
    private final Map<Integer, String> labels = new HashMap<>();

    PathSignatures(HeapSnapshot snapshot, ShortestPaths paths, ObjectInspector inspector) {
        this.snapshot = snapshot;
        int n = snapshot.objectCount();
        signatureOf = new int[n];
        java.util.Arrays.fill(signatureOf, -1);
        LongIntMap interned = new LongIntMap(1 << 12, -1);
        HeapGraph g = snapshot.graph();
        int[] outStart = g.outStart();
        int[] out = g.out();

        Set<Integer> threads = new LinkedHashSet<>();
        for (int r : g.rootObjects()) {
            if (inspector.isThread(r)) {
                threads.add(r);
            }
        }
        inspector.loadWithThreadNames(Set.of(), threads);

        for (int v : paths.order()) {
            int p = paths.parent(v);
            int s;
            if (p < 0 || snapshot.kind(v) == ObjectKind.CLASS) {
                // A class names itself: its statics read "static X.F" however the class object was reached.
                s = intern(interned, -1, (rootLabel(v, inspector) << 11) | (ROOT << 8));
            } else {
                int st = stepFrom(p, v, outStart, out);
                int ps = signatureOf[p];
                int last = step.get(ps);
                if (kindOf(st) == FIELD && kindOf(last) == FIELD && classOf(st) == classOf(last)) {
                    // Fold a run through one class into its last step.
                    s = intern(interned, parentSignature.get(ps), st);
                } else {
                    s = intern(interned, ps, st);
                }
            }
            signatureOf[v] = s;
        }
    }

    private static int kindOf(int step) {
        return (step >>> 8) & 7;
    }

    private static int classOf(int step) {
        return step >>> 11;
    }

    private int intern(LongIntMap interned, int parent, int st) {
        long key = ((long) parent << 32) | (st & 0xFFFFFFFFL);
        int s = interned.get(key);
        if (s < 0) {
            s = step.size();
            step.add(st);
            parentSignature.add(parent);
            interned.put(key, s);
        }
        return s;
    }

    private int stepFrom(int p, int v, int[] outStart, int[] out) {
        if (snapshot.kind(p) == ObjectKind.OBJECT_ARRAY && snapshot.graph().classObjectOf(p) != v) {
            // Every element is the same step, and searching a big array's references for each element it
            // leads to would cost the square of its length.
            return (snapshot.classIndexOf(p) << 11) | (ELEMENT << 8);
        }
        for (int e = outStart[p]; e < outStart[p + 1]; e++) {
            if (out[e] == v) {
                int slot = snapshot.edgeSlot(e);
                switch (snapshot.kind(p)) {
                    case ObjectKind.OBJECT_ARRAY:
                        return (snapshot.classIndexOf(p) << 11) | (ELEMENT << 8);
                    case ObjectKind.CLASS:
                        int c = snapshot.classIndexOfClassObject(p);
                        return (c << 11) | ((slot == EdgeSlot.SUPER || slot == EdgeSlot.LOADER ? FIELD : STATIC) << 8) | slot;
                    default:
                        if (slot == EdgeSlot.THREAD_LOCAL) {
                            return (snapshot.classIndexOf(p) << 11) | (THREAD_STACK << 8);
                        }
                        return (snapshot.classIndexOf(p) << 11) | (FIELD << 8) | slot;
                }
            }
        }
        return (snapshot.classIndexOf(p) << 11) | (CLASS_EDGE << 8);
    }

    private int rootLabel(int r, ObjectInspector inspector) {
        HeapClassTable classes = snapshot.classes();
        String label;
        if (snapshot.kind(r) == ObjectKind.CLASS) {
            label = "class " + classes.name(snapshot.classIndexOfClassObject(r));
        } else if (inspector.isThread(r)) {
            String name = inspector.threadName(r);
            label = classes.name(snapshot.classIndexOf(r))
                    + (name == null ? "" : " \"" + name.replaceAll("\\d+", "#") + "\"");
        } else {
            label = "<" + rootKind(r) + "> " + classes.name(snapshot.classIndexOf(r));
        }
        return rootLabelIds.computeIfAbsent(label, l -> {
            rootLabels.add(l);
            return rootLabels.size() - 1;
        });
    }

    private String rootKind(int r) {
        int[] roots = snapshot.rootObjects();
        int i = java.util.Arrays.binarySearch(roots, r);
        if (i < 0) {
            return "root";
        }
        int mask = snapshot.rootKindMasks()[i];
        for (GcRootKind k : GcRootKind.values()) {
            if ((mask & k.bit()) != 0) {
                return k.label();
            }
        }
        return "root";
    }

    /** Signature id of an object, or -1 when unreachable. */
    int of(int objectIndex) {
        return signatureOf[objectIndex];
    }

    /** True when the signature passes through a thread's ThreadLocal map. */
    boolean throughThreadLocals(int signature) {
        HeapClassTable classes = snapshot.classes();
        for (int s = signature; s >= 0; s = parentSignature.get(s)) {
            int st = step.get(s);
            if (kindOf(st) != ROOT && classes.name(classOf(st)).startsWith("java.lang.ThreadLocal$ThreadLocalMap")) {
                return true;
            }
        }
        return false;
    }

    /** Name of the last field on the path (without its class), or "". */
    String lastFieldName(int signature) {
        for (int s = signature; s >= 0; s = parentSignature.get(s)) {
            int st = step.get(s);
            int k = kindOf(st);
            if (k == FIELD || k == STATIC) {
                String text = stepText(st, false);
                return text.substring(text.lastIndexOf('.') + 1);
            }
        }
        return "";
    }

    /** The signature as people read it: {@code static com.acme.Store.MAP → java.util.HashMap.table → …}. */
    String label(int signature) {
        String cached = labels.get(signature);
        if (cached != null) {
            return cached;
        }
        List<Integer> steps = new ArrayList<>();
        for (int s = signature; s >= 0; s = parentSignature.get(s)) {
            steps.add(step.get(s));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = steps.size() - 1; i >= 0; i--) {
            int st = steps.get(i);
            if (kindOf(st) == ROOT && i > 0 && kindOf(steps.get(i - 1)) == STATIC) {
                continue; // "static X.F" already names the class
            }
            if (sb.length() > 0) {
                sb.append(" → ");
            }
            sb.append(stepText(st, true));
        }
        String label = sb.toString();
        labels.put(signature, label);
        return label;
    }

    private String stepText(int st, boolean full) {
        HeapClassTable classes = snapshot.classes();
        int c = classOf(st);
        int slot = st & 0xFF;
        switch (kindOf(st)) {
            case ROOT:
                return rootLabels.get(c);
            case STATIC: {
                String[] statics = classes.referenceStaticNames(c);
                return "static " + classes.name(c) + "." + (slot < statics.length ? statics[slot] : "?");
            }
            case ELEMENT:
                return classes.name(c) + "[*]";
            case THREAD_STACK:
                return classes.name(c) + " <thread stack>";
            case CLASS_EDGE:
                return classes.name(c) + " <class>";
            default: {
                if (slot == EdgeSlot.SUPER) {
                    return "class " + classes.name(c) + " <super>";
                }
                if (slot == EdgeSlot.LOADER) {
                    return "class " + classes.name(c) + " <classloader>";
                }
                String[] fields = classes.referenceFieldNames(c);
                return classes.name(c) + "." + (slot < fields.length ? fields[slot] : "?");
            }
        }
    }
}

package io.leakscan.analysis;

import io.leakscan.analysis.ContainerTypes.Count;
import io.leakscan.analysis.ContainerTypes.Inside;
import io.leakscan.analysis.ContainerTypes.Type;
import io.leakscan.heap.HeapClassTable;
import io.leakscan.heap.HeapGraph;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.heap.ObjectKind;
import io.leakscan.util.IntArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The containers of one heap, by the table in {@link ContainerTypes} (the one place that knows them),
 * plus two shapes no table names: an object array held by an ordinary field, and a hand-made chain
 * ({@code head = new Node(head)}) of an application class. For every container: its type, its entries
 * counted from the reference graph (a map's nodes, a list's distinct elements, a cache's entries summed
 * over its segments, a loader's classes), and which objects are its insides (tables, segments, nodes,
 * backing arrays, a wrapped map), so that they fold into it and are never containers of their own.
 *
 * <p>Cost: O(classes × patterns) to match the table, then O(objects + references) once: every inside
 * object is visited once, by the container that owns it. Memory: one int per object (owner or entry
 * count) plus a bit per object. Reads no file. Not thread-safe (a small memo of field positions).
 */
public final class ContainerRegistry {
    /** Type index of the application chains (not in the table). */
    public static final int CHAIN = -2;
    /** Field or class names that mark listener lists. */
    public static final java.util.regex.Pattern LISTENER_NAME =
            java.util.regex.Pattern.compile("(?i).*(listener|observer|callback|handler|subscriber).*");
    /** Field or class names that mark caches. */
    public static final java.util.regex.Pattern CACHE_NAME = java.util.regex.Pattern.compile("(?i).*cache.*");

    private static final int NONE = -1;

    private final HeapSnapshot snapshot;
    private final int[] classType;
    /** Per type, per rule: the classes that match its target and its via. */
    private final BitSet[][] targetClasses;
    private final BitSet[][] viaClasses;
    private final BitSet[] entryClasses;
    /** ≥ 0: a container's entries; ≤ -2: an inside object owned by container {@code -(value + 2)}; -1: neither. */
    private final int[] state;
    private final BitSet chainHeads;

    public ContainerRegistry(HeapSnapshot snapshot) {
        this.snapshot = snapshot;
        HeapClassTable classes = snapshot.classes();
        int nc = classes.count();
        List<Type> types = ContainerTypes.ALL;
        classType = new int[nc];
        Arrays.fill(classType, NONE);
        int[] bases = types.stream().mapToInt(t -> classes.find(t.className())).toArray();
        for (int c = 0; c < nc; c++) {
            if (classes.isArray(c)) {
                continue;
            }
            for (int t = 0; t < bases.length; t++) {
                if (bases[t] >= 0 && classes.isSubclassOf(c, bases[t])) {
                    classType[c] = t;
                    break;
                }
            }
        }
        String[] names = new String[nc];
        for (int c = 0; c < nc; c++) {
            names[c] = classes.name(c);
        }
        targetClasses = new BitSet[types.size()][];
        viaClasses = new BitSet[types.size()][];
        entryClasses = new BitSet[types.size()];
        for (int t = 0; t < types.size(); t++) {
            List<Inside> rules = types.get(t).insides();
            targetClasses[t] = new BitSet[rules.size()];
            viaClasses[t] = new BitSet[rules.size()];
            for (int r = 0; r < rules.size(); r++) {
                targetClasses[t][r] = matching(names, List.of(rules.get(r).target()));
                String via = rules.get(r).via();
                viaClasses[t][r] = via == null || via.isEmpty() ? null : matching(names, List.of(via));
            }
            entryClasses[t] = matching(names, types.get(t).entries());
        }

        int n = snapshot.objectCount();
        state = new int[n];
        Arrays.fill(state, NONE);
        // Classes per loader object: few loaders, so a map rather than an int per object.
        io.leakscan.util.LongIntMap perLoader = new io.leakscan.util.LongIntMap(64, 0);
        for (int c = 0; c < nc; c++) {
            int l = classes.loaderObject(c);
            if (l >= 0) {
                perLoader.put(l, perLoader.get(l) + 1);
            }
        }
        // Outer containers first, so that they claim the containers inside them (a set's map, a cache's
        // table, a loader's class list) before those count alone: wrappers, then types whose insides
        // include container classes, then the rest.
        int[] rank = new int[types.size()];
        for (int t = 0; t < types.size(); t++) {
            rank[t] = types.get(t).count() == Count.WRAPPED ? 0 : 2;
            for (BitSet target : targetClasses[t]) {
                for (int c = target.nextSetBit(0); c >= 0 && rank[t] == 2; c = target.nextSetBit(c + 1)) {
                    if (classType[c] >= 0) {
                        rank[t] = 1;
                    }
                }
            }
        }
        IntArrayList stack = new IntArrayList(256);
        for (int pass = 0; pass < 3; pass++) {
            for (int o = 0; o < n; o++) {
                int t = typeIndex(o);
                if (t < 0 || state[o] != NONE || rank[t] != pass) {
                    continue;
                }
                state[o] = 0;
                state[o] = claim(o, o, t, stack, perLoader);
            }
        }
        chainHeads = findChains(stack);
    }

    private static BitSet matching(String[] names, List<String> patterns) {
        BitSet b = new BitSet(names.length);
        for (String p : patterns) {
            int star = p.indexOf('*');
            for (int c = 0; c < names.length; c++) {
                String name = names[c];
                if (star < 0 ? name.equals(p) : name.startsWith(p.substring(0, star))
                        && name.endsWith(p.substring(star + 1)) && name.length() >= p.length() - 1) {
                    b.set(c);
                }
            }
        }
        return b;
    }

    /** The table line of an instance's class, or -1. */
    private int typeIndex(int o) {
        return snapshot.kind(o) == ObjectKind.INSTANCE ? classType[snapshot.classIndexOf(o)] : NONE;
    }

    /**
     * Walks the insides of {@code start} by the rules of type {@code t}, marking them owned by
     * {@code owner}, and returns the entry count.
     */
    private int claim(int owner, int start, int t, IntArrayList stack, io.leakscan.util.LongIntMap perLoader) {
        Type type = ContainerTypes.ALL.get(t);
        HeapGraph g = snapshot.graph();
        int[] outStart = g.outStart();
        int[] out = g.out();
        if (type.count() == Count.WRAPPED) {
            for (int e = outStart[start]; e < outStart[start + 1]; e++) {
                int w = out[e];
                int wt = typeIndex(w);
                if (wt >= 0 && w != owner && state[w] >= 0) {
                    int entries = state[w]; // a wrapper met after the one it wraps: its count stands
                    state[w] = -(owner + 2);
                    return entries;
                }
                if (wt >= 0 && w != owner && state[w] == NONE) {
                    state[w] = -(owner + 2);
                    return claim(owner, w, wt, stack, perLoader);
                }
            }
            return 0;
        }
        BitSet[] targets = targetClasses[t];
        BitSet[] vias = viaClasses[t];
        List<Inside> rules = type.insides();
        BitSet entries = entryClasses[t];
        long count = 0;
        stack.truncate(0);
        stack.add(start);
        while (stack.size() > 0) {
            int u = stack.get(stack.size() - 1);
            stack.truncate(stack.size() - 1);
            int uc = snapshot.classIndexOf(u);
            boolean uArray = snapshot.kind(u) == ObjectKind.OBJECT_ARRAY;
            for (int e = outStart[u]; e < outStart[u + 1]; e++) {
                int v = out[e];
                byte vk = snapshot.kind(v);
                if (vk == ObjectKind.CLASS || v == owner) {
                    continue;
                }
                boolean inside = false;
                if (state[v] == NONE && !(uArray && vk == ObjectKind.OBJECT_ARRAY)) {
                    int vc = snapshot.classIndexOf(v);
                    for (int r = 0; r < rules.size() && !inside; r++) {
                        if (targets[r].get(vc)) {
                            String via = rules.get(r).via();
                            inside = via == null || (via.isEmpty() ? u == start : vias[r].get(uc));
                        }
                    }
                    if (inside) {
                        state[v] = -(owner + 2);
                        stack.add(v);
                        if (type.count() == Count.NODES && entries.get(vc) && hasKeyOrItem(v, type)) {
                            count++;
                        }
                    }
                }
                if (!inside && uArray && type.count() == Count.SLOTS && state[v] != -(owner + 2)) {
                    count++;
                }
            }
        }
        if (type.count() == Count.CLASSES) {
            count = perLoader.get(start);
        }
        return (int) Math.min(Integer.MAX_VALUE, count);
    }

    /** Entries of a skip list or linked queue: the head node (no key, no item) is not one. */
    private boolean hasKeyOrItem(int node, Type type) {
        boolean sentinel = "item".equals(type.valuePath()) || type.className().contains("SkipList");
        return !sentinel || target(node, type.keyPath() != null ? type.keyPath() : type.valuePath()) >= 0;
    }

    private final Map<String, Integer> fieldIds = new HashMap<>();
    private final io.leakscan.util.LongIntMap fieldPositions = new io.leakscan.util.LongIntMap(64, Integer.MIN_VALUE);

    /**
     * The object a reference field of an instance points to, by the graph's edge slots; -1 when null or
     * unknown. The field's position is looked up once per class, so walking a big map allocates nothing.
     */
    private int target(int o, String field) {
        if (snapshot.kind(o) != ObjectKind.INSTANCE) {
            return -1;
        }
        int c = snapshot.classIndexOf(o);
        int id = fieldIds.computeIfAbsent(field, f -> fieldIds.size());
        long key = ((long) c << 16) | id;
        int position = fieldPositions.get(key);
        if (position == Integer.MIN_VALUE) {
            position = Arrays.asList(snapshot.classes().referenceFieldNames(c)).indexOf(field);
            if (position > io.leakscan.heap.EdgeSlot.MAX_POSITION) {
                position = -1;
            }
            fieldPositions.put(key, position);
        }
        if (position < 0) {
            return -1;
        }
        int[] outStart = snapshot.graph().outStart();
        for (int e = outStart[o]; e < outStart[o + 1]; e++) {
            if (snapshot.edgeSlot(e) == position) {
                return snapshot.graph().out()[e];
            }
        }
        return -1;
    }

    /**
     * Heads of hand-made chains of application classes: an instance that links to another instance of
     * its class and that no instance of its class links to. The nodes behind a head are owned by it.
     */
    private BitSet findChains(IntArrayList stack) {
        HeapGraph g = snapshot.graph();
        int[] outStart = g.outStart();
        int[] out = g.out();
        HeapClassTable classes = snapshot.classes();
        int n = snapshot.objectCount();
        boolean[] application = new boolean[classes.count()];
        for (int c = 0; c < application.length; c++) {
            String name = classes.name(c);
            application[c] = !classes.isArray(c) && !name.startsWith("java.") && !name.startsWith("javax.")
                    && !name.startsWith("jdk.") && !name.startsWith("sun.") && !name.startsWith("com.sun.")
                    && classType[c] == NONE;
        }
        BitSet linkedTo = new BitSet(n);
        BitSet links = new BitSet(n);
        for (int u = 0; u < n; u++) {
            if (snapshot.kind(u) != ObjectKind.INSTANCE || state[u] != NONE || !application[snapshot.classIndexOf(u)]) {
                continue;
            }
            int uc = snapshot.classIndexOf(u);
            for (int e = outStart[u]; e < outStart[u + 1]; e++) {
                int v = out[e];
                if (v != u && snapshot.kind(v) == ObjectKind.INSTANCE && snapshot.classIndexOf(v) == uc) {
                    linkedTo.set(v);
                    links.set(u);
                }
            }
        }
        BitSet heads = new BitSet(n);
        for (int h = links.nextSetBit(0); h >= 0; h = links.nextSetBit(h + 1)) {
            if (linkedTo.get(h) || state[h] != NONE) {
                continue;
            }
            heads.set(h);
            int hc = snapshot.classIndexOf(h);
            int count = 1;
            state[h] = 0;
            stack.truncate(0);
            stack.add(h);
            while (stack.size() > 0) {
                int u = stack.get(stack.size() - 1);
                stack.truncate(stack.size() - 1);
                for (int e = outStart[u]; e < outStart[u + 1]; e++) {
                    int v = out[e];
                    if (state[v] == NONE && snapshot.kind(v) == ObjectKind.INSTANCE && snapshot.classIndexOf(v) == hc) {
                        state[v] = -(h + 2);
                        count++;
                        stack.add(v);
                    }
                }
            }
            state[h] = count;
        }
        return heads;
    }

    /** The table line of a registered container, {@link #CHAIN} for a chain head, else -1. */
    public int typeOf(int objectIndex) {
        if (chainHeads.get(objectIndex)) {
            return CHAIN;
        }
        return state[objectIndex] >= 0 ? typeIndex(objectIndex) : NONE;
    }

    /** The table line, for a type index from {@link #typeOf} (≥ 0). */
    public static Type type(int typeIndex) {
        return ContainerTypes.ALL.get(typeIndex);
    }

    /** True for a container of the table or a chain head (not one folded into another container). */
    public boolean isContainer(int objectIndex) {
        return typeOf(objectIndex) != NONE;
    }

    /**
     * The container whose insides this object is (a map's table or node, a cache's segment, a wrapped
     * map), or -1. Nodes of a chain are owned by its head but are not "insides": see {@link #isInside}.
     */
    public int ownerOf(int objectIndex) {
        int owner = NONE;
        for (int s = state[objectIndex], guard = 0; s <= -2 && guard < 64; s = state[owner], guard++) {
            owner = -(s + 2); // a wrapper inside a wrapper: the outermost one owns it all
        }
        return owner;
    }

    /** True for the insides of a table container: they fold into it and hold nothing of their own. */
    public boolean isInside(int objectIndex) {
        int owner = ownerOf(objectIndex);
        return owner >= 0 && !chainHeads.get(owner);
    }

    /**
     * Entries of a container: for a table container as its line counts them, for a chain its nodes, for
     * an object array its distinct non-null references (other objects: 0).
     */
    public long entries(int objectIndex) {
        if (snapshot.kind(objectIndex) == ObjectKind.OBJECT_ARRAY && state[objectIndex] == NONE) {
            int[] outStart = snapshot.graph().outStart();
            return outStart[objectIndex + 1] - outStart[objectIndex];
        }
        return Math.max(0, state[objectIndex]);
    }

    /** The container in plain words: the table's words, "linked chain of X" for a chain, the array's class for an array. */
    public String words(int objectIndex) {
        int t = typeOf(objectIndex);
        if (t == CHAIN) {
            return "linked chain of " + snapshot.classes().name(snapshot.classIndexOf(objectIndex));
        }
        return t >= 0 ? type(t).words() : snapshot.classes().name(snapshot.classIndexOf(objectIndex));
    }

    /**
     * What one container holds: the most common key and value classes of its entries, and a few key
     * objects as examples. Walks the container's insides again: O(its size).
     *
     * @param keyClass   class index of the most common key, or -1
     * @param valueClass class index of the most common value, or -1
     * @param sampleKeys up to {@code samples} key objects, or elements for a list (object indices)
     */
    public record Contents(int keyClass, int valueClass, int[] sampleKeys) {
    }

    /** See {@link Contents}. */
    public Contents contents(int container, int samples) {
        int t = typeOf(container);
        // A set keeps its elements as the keys of the map it wraps: they are its values.
        boolean set = t >= 0 && type(t).className().contains("Set");
        // A wrapper's entries are those of what it wraps: read them with the wrapped type's fields.
        for (int cur = container, guard = 0; t >= 0 && type(t).count() == Count.WRAPPED && guard < 8; guard++) {
            int inner = -1;
            int[] os = snapshot.graph().outStart();
            for (int e = os[cur]; e < os[cur + 1] && inner < 0; e++) {
                int v = snapshot.graph().out()[e];
                if (ownerOf(v) == container && typeIndex(v) >= 0) {
                    inner = v;
                }
            }
            if (inner < 0) {
                break;
            }
            cur = inner;
            t = typeIndex(inner);
        }
        Map<Integer, int[]> keys = new HashMap<>();
        Map<Integer, int[]> values = new HashMap<>();
        IntArrayList sample = new IntArrayList(samples);
        HeapGraph g = snapshot.graph();
        int[] outStart = g.outStart();
        int[] out = g.out();
        IntArrayList stack = new IntArrayList(64);
        stack.add(container);
        io.leakscan.util.LongIntMap seen = new io.leakscan.util.LongIntMap(64, -1);
        int visited = 0;
        while (stack.size() > 0 && visited++ < 1_000_000) {
            int u = stack.get(stack.size() - 1);
            stack.truncate(stack.size() - 1);
            boolean entry = t >= 0 && type(t).count() == Count.NODES && entryClasses[t].get(snapshot.classIndexOf(u));
            if (t == CHAIN && u != container || entry) {
                int k = entry ? follow(u, type(t).keyPath()) : -1;
                int v = entry ? follow(u, type(t).valuePath()) : u;
                tally(keys, set ? -1 : k);
                tally(values, set ? k : v);
                int shown = t >= 0 && type(t).keyPath() != null ? k : v;
                if (shown >= 0 && sample.size() < samples) {
                    sample.add(shown);
                }
            }
            boolean array = snapshot.kind(u) == ObjectKind.OBJECT_ARRAY;
            for (int e = outStart[u]; e < outStart[u + 1]; e++) {
                int v = out[e];
                if (ownerOf(v) == container && seen.get(v) < 0) {
                    seen.put(v, 1);
                    stack.add(v);
                } else if (array && ownerOf(v) != container && snapshot.kind(v) != ObjectKind.CLASS
                        && (t < 0 || type(t).count() == Count.SLOTS)) {
                    tally(values, v);
                    if (sample.size() < samples) {
                        sample.add(v);
                    }
                }
            }
        }
        return new Contents(most(keys), most(values), sample.toArray());
    }

    /**
     * Follows a dotted field path from an instance (edge slots only, no file access); -1 when it breaks.
     * {@code a.b|a.c} tries each alternative in turn.
     */
    private int follow(int from, String path) {
        if (path == null) {
            return -1;
        }
        int bar = path.indexOf('|');
        if (bar >= 0) {
            int first = follow(from, path.substring(0, bar));
            return first >= 0 ? first : follow(from, path.substring(bar + 1));
        }
        int o = from;
        for (String f : path.split("\\.")) {
            if (o < 0) {
                return -1;
            }
            o = target(o, f);
        }
        return o;
    }

    private void tally(Map<Integer, int[]> counts, int object) {
        if (object >= 0) {
            counts.computeIfAbsent(snapshot.classIndexOf(object), c -> new int[1])[0]++;
        }
    }

    private static int most(Map<Integer, int[]> counts) {
        int best = -1;
        int bestCount = 0;
        for (Map.Entry<Integer, int[]> e : counts.entrySet()) {
            if (e.getValue()[0] > bestCount || e.getValue()[0] == bestCount && e.getKey() < best) {
                best = e.getKey();
                bestCount = e.getValue()[0];
            }
        }
        return best;
    }

}

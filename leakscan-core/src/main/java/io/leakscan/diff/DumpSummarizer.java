package io.leakscan.diff;

import io.leakscan.analysis.ContainerRegistry;
import io.leakscan.analysis.ContainerTypes;
import io.leakscan.analysis.ContainerKind;
import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.Histogram;
import io.leakscan.analysis.ObjectInspector;
import io.leakscan.analysis.ShortestPaths;
import io.leakscan.heap.HeapClassTable;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.heap.ObjectKind;
import io.leakscan.util.IntArrayList;
import io.leakscan.util.LongArrayList;
import io.leakscan.util.LongIntMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces one analysed dump to a {@link DumpSummary}. Finds every container by the registry
 * ({@link ContainerRegistry}: collections, maps, caches, listener supports, thread-local maps, class
 * loaders, object arrays held by fields, hand-made chains; their insides fold into them), names it by its
 * path signature, groups containers of one class on one path, and attributes every other object to its
 * nearest dominating container (or to the nested group that holds it collectively) to say what each
 * group holds; then, per group, its words, contents and cache bounds ({@link GroupDetails}).
 *
 * <p>O(objects + references); reads the dump again twice (thread names; the few strings and cache fields
 * shown). Memory beyond the analysis: about 9 bytes per object (the registry's int and bits, the path
 * groups, the free-object bits). Not thread-safe.
 */
public final class DumpSummarizer {
    /** Most held classes kept per group. */
    static final int HELD_CLASSES = 12;
    /** Container groups kept in a saved summary (baseline). */
    public static final int SAVED_GROUPS = 2000;

    private DumpSummarizer() {
    }

    public static DumpSummary summarize(HeapAnalysis a, String displayPath) {
        HeapSnapshot s = a.snapshot();
        HeapClassTable classes = s.classes();
        ShortestPaths paths = a.shortestPaths();
        ObjectInspector inspector = new ObjectInspector(s);
        PathSignatures signatures = new PathSignatures(s, paths, inspector);
        long t = System.nanoTime();
        ContainerRegistry registry = a.containerRegistry();
        io.leakscan.util.StepTimes.record("container registry", t);

        // 1. Containers and their groups; for every object, the group nearest above it on its path.
        int n = s.objectCount();
        int[] groupOf = new int[n];
        java.util.Arrays.fill(groupOf, -1);
        int[] pathGroup = new int[n];
        LongIntMap groupIds = new LongIntMap(1024, -1);
        IntArrayList groupSignature = new IntArrayList(1024);
        IntArrayList groupClass = new IntArrayList(1024);
        List<ContainerKind> groupKind = new ArrayList<>();
        IntArrayList groupExample = new IntArrayList(1024);
        IntArrayList groupParent = new IntArrayList(1024);
        for (int v : paths.order()) {
            int parent = paths.parent(v);
            pathGroup[v] = parent >= 0 ? pathGroup[parent] : -1;
            ContainerKind kind = containerKind(s, registry, signatures, paths, v);
            if (kind == null) {
                continue;
            }
            int sig = signatures.of(v);
            int cls = s.classIndexOf(v);
            long key = ((long) sig << 24) | cls;
            int gid = groupIds.get(key);
            if (gid < 0) {
                gid = groupSignature.size();
                groupIds.put(key, gid);
                groupSignature.add(sig);
                groupClass.add(cls);
                groupKind.add(kind);
                groupExample.add(v);
                groupParent.add(pathGroup[v]);
            } else if (registry.entries(v) > registry.entries(groupExample.get(gid))) {
                groupExample.set(gid, v); // the fullest container shows best what the group holds
            }
            groupOf[v] = gid;
            pathGroup[v] = gid;
        }
        int groups = groupSignature.size();

        // 2. Nearest dominating container for every object, top-down over the dominator tree.
        long[] containers = new long[groups];
        long[] elements = new long[groups];
        long[] retained = new long[groups];
        long[] loaders = new long[groups];
        int loaderClass = classes.find("java.lang.ClassLoader");
        int[] nearest = new int[n];
        int[] idom = a.dominatorTree().immediateDominators();
        LongIntMap heldIndex = new LongIntMap(4096, -1);
        IntArrayList heldGroup = new IntArrayList(4096);
        IntArrayList heldClass = new IntArrayList(4096);
        LongArrayList heldCount = new LongArrayList(4096);
        LongArrayList heldBytes = new LongArrayList(4096);
        boolean[] loaderGroup = new boolean[groups];
        for (int g = 0; g < groups; g++) {
            loaderGroup[g] = groupKind.get(g) == ContainerKind.CLASS_LOADER;
        }
        long[] free = new long[classes.count()];
        java.util.BitSet freeObjects = new java.util.BitSet(n);
        for (int v : a.dominatorChildren().byEntry()) {
            int d = idom[v];
            int outer = d >= 0 ? nearest[d] : -1;
            int g = groupOf[v];
            if (outer >= 0 && isLoader(registry, v)) {
                loaders[outer]++;
            }
            int insideOf = g < 0 && registry.isInside(v) ? registry.ownerOf(v) : -1;
            if (insideOf >= 0 && groupOf[insideOf] >= 0 && outer != groupOf[insideOf]) {
                // The container's insides, kept alive from elsewhere too (Ehcache's store is also known to its
                // manager): what they retain is the container's.
                g = groupOf[insideOf];
                retained[g] += a.retainedBytes(v);
                nearest[v] = g;
            } else if (g < 0 && outer >= 0 && !loaderGroup[outer] && pathGroup[v] >= 0 && pathGroup[v] != outer
                    && nestedIn(pathGroup[v], outer, groupParent)) {
                // Held collectively by the many containers of a group nested in its dominating one (records
                // shared by many small lists of an index): attribute it, and what it retains, to that group.
                g = pathGroup[v];
                retained[g] += a.retainedBytes(v);
                nearest[v] = g;
            } else if (g >= 0) {
                containers[g]++;
                elements[g] += registry.entries(v);
                if (outer != g) {
                    retained[g] += a.retainedBytes(v);
                }
                nearest[v] = g;
            } else {
                nearest[v] = outer;
            }
            int holder = nearest[v] == g && groupOf[v] < 0 ? g : outer;
            if (groupOf[v] < 0 && (holder < 0 || loaderGroup[holder] && !registry.isInside(v))) {
                // Held by no container. Counted for its class unless a free object of another class retains
                // it (a payload inside a leaking node is the node's growth, not a second suspect).
                freeObjects.set(v);
                if (d < 0 || !freeObjects.get(d) || s.classIndexOf(d) == s.classIndexOf(v)) {
                    free[s.classIndexOf(v)]++;
                }
            }
            if (holder >= 0 && holder != groupOf[v]) {
                // v (an element, a nested container itself, or the container's insides) is held by the holder group.
                int c = s.classIndexOf(v);
                long key = ((long) holder << 24) | c | (registry.isInside(v) ? 1L << 23 : 0);
                int h = heldIndex.get(key);
                if (h < 0) {
                    h = heldGroup.size();
                    heldIndex.put(key, h);
                    heldGroup.add(holder);
                    heldClass.add(registry.isInside(v) ? -1 - c : c);
                    heldCount.add(0);
                    heldBytes.add(0);
                }
                heldCount.set(h, heldCount.get(h) + 1);
                heldBytes.set(h, heldBytes.get(h) + s.shallowBytes(v));
            }
        }
        t = System.nanoTime();
        GroupDetails details = GroupDetails.of(a, registry, signatures, paths, inspector, groupExample, groupKind);
        io.leakscan.util.StepTimes.record("contents, examples (one pass)", t);
        List<List<Integer>> heldByGroup = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            heldByGroup.add(new ArrayList<>());
        }
        for (int h = 0; h < heldGroup.size(); h++) {
            heldByGroup.get(heldGroup.get(h)).add(h);
        }
        Map<String, DumpSummary.ContainerGroup> groupMap = new LinkedHashMap<>();
        for (int g = 0; g < groups; g++) {
            List<Integer> held = heldByGroup.get(g);
            held.sort(Comparator.comparingLong((Integer h) -> heldBytes.get(h)).reversed());
            List<DumpSummary.Held> top = new ArrayList<>();
            for (int i = 0; i < Math.min(HELD_CLASSES, held.size()); i++) {
                int h = held.get(i);
                int c = heldClass.get(h) >= 0 ? heldClass.get(h) : -1 - heldClass.get(h);
                top.add(new DumpSummary.Held(stableName(classes.name(c)), heldCount.get(h), heldBytes.get(h),
                        loaderClass >= 0 && classes.isSubclassOf(c, loaderClass), heldClass.get(h) < 0));
            }
            String containerClass = stableName(classes.name(groupClass.get(g)));
            String path = signatures.label(groupSignature.get(g));
            String kind = groupKind.get(g).label();
            String key = kind + " | " + containerClass + " | " + path;
            DumpSummary.ContainerGroup prev = groupMap.get(key);
            if (prev != null) {
                // Same path label from two signatures (rare): merge.
                groupMap.put(key, prev.plus(containers[g], elements[g], retained[g], loaders[g]));
            } else {
                groupMap.put(key, new DumpSummary.ContainerGroup(key, kind, containerClass, path, containers[g],
                        elements[g], retained[g], s.describe(groupExample.get(g)), loaders[g], top,
                        details.words(g, path), details.keyClass(g), details.valueClass(g), details.examples(g),
                        details.configuration(g), details.holder(g)));
            }
        }
        return new DumpSummary(displayPath, s.info().timestampMillis(), a.liveObjects(), a.usedHeapBytes(),
                classStats(a, loaderClass, free), groupMap, false, s.info().complete() ? null
                        : "ends at byte offset " + s.info().readBytes() + " (" + s.info().truncation() + ")",
                s.info().idSize(), details.jvmVersion(), details.mainClass());
    }

    private static Map<String, DumpSummary.ClassStats> classStats(HeapAnalysis a, int loaderClass, long[] free) {
        HeapSnapshot s = a.snapshot();
        HeapClassTable classes = s.classes();
        Histogram h = a.histogram();
        Map<String, long[]> sums = new HashMap<>();
        Map<String, java.util.Set<Integer>> loaders = new HashMap<>();
        for (int c = 0; c < classes.count(); c++) {
            int co = classes.classObject(c);
            if (co < 0 || !a.dominatorTree().isReachable(co)) {
                continue;
            }
            String name = stableName(classes.name(c));
            long[] v = sums.computeIfAbsent(name, k -> new long[5]);
            v[4] += free[c];
            v[0] += h.instances(c);
            v[1] += h.shallowBytes(c);
            v[2] += h.retainedBytes(c);
            v[3] = loaderClass >= 0 && classes.isSubclassOf(c, loaderClass) ? 1 : v[3];
            loaders.computeIfAbsent(name, k -> new java.util.HashSet<>()).add(classes.loaderObject(c));
        }
        Map<String, DumpSummary.ClassStats> out = new HashMap<>();
        sums.forEach((name, v) -> out.put(name,
                new DumpSummary.ClassStats(name, v[0], v[1], v[2], loaders.get(name).size(), v[3] == 1, v[4])));
        return out;
    }

    /**
     * A class name that is the same in every run of the application: hidden classes (lambdas) carry
     * their address ({@code Foo$$Lambda$14+0x0000000800c0b000}), which changes from run to run.
     */
    static String stableName(String name) {
        int plus = name.indexOf("+0x");
        return plus > 0 && name.contains("$$Lambda") ? name.substring(0, plus).replaceAll("\\$\\$Lambda\\$\\d+", "\\$\\$Lambda")
                : name;
    }

    private static boolean isLoader(ContainerRegistry registry, int v) {
        int t = registry.typeOf(v);
        return t >= 0 && ContainerRegistry.type(t).kind() == ContainerKind.CLASS_LOADER;
    }

    /** True when group {@code inner}'s path runs through group {@code outer}. */
    private static boolean nestedIn(int inner, int outer, IntArrayList groupParent) {
        for (int g = groupParent.get(inner), guard = 0; g >= 0 && guard < 1000; g = groupParent.get(g), guard++) {
            if (g == outer) {
                return true;
            }
        }
        return false;
    }

    /** The container kind of a reachable object, or null when it is no container (or the insides of one). */
    private static ContainerKind containerKind(HeapSnapshot s, ContainerRegistry registry,
            PathSignatures signatures, ShortestPaths paths, int v) {
        if (registry.ownerOf(v) >= 0 && registry.isInside(v)) {
            return null; // a table, segment, node or wrapped map: part of its container
        }
        int parent = paths.parent(v);
        int t = registry.typeOf(v);
        if (t == ContainerRegistry.CHAIN) {
            return ContainerKind.CHAIN;
        }
        if (t < 0) {
            if (s.kind(v) != ObjectKind.OBJECT_ARRAY || parent < 0 || s.kind(parent) == ObjectKind.OBJECT_ARRAY
                    || registry.isContainer(parent) || registry.isInside(parent)) {
                return null;
            }
            // Otherwise an object array held by a field of an ordinary object or a class is a container itself
            // (not the JVM's own arrays, such as a class's <resolved_references>).
            if (signatures.lastFieldName(signatures.of(v)).startsWith("<")) {
                return null;
            }
        }
        int sig = signatures.of(v);
        ContainerKind known = t >= 0 ? ContainerRegistry.type(t).kind() : ContainerKind.ARRAY;
        if (known != ContainerKind.COLLECTION && known != ContainerKind.ARRAY) {
            return known;
        }
        if (signatures.throughThreadLocals(sig)) {
            return ContainerKind.THREAD_LOCAL;
        }
        String field = signatures.lastFieldName(sig);
        String className = s.classes().name(s.classIndexOf(v));
        if (ContainerRegistry.LISTENER_NAME.matcher(field).matches()
                || ContainerRegistry.LISTENER_NAME.matcher(className).matches()) {
            return ContainerKind.LISTENERS;
        }
        if (ContainerRegistry.CACHE_NAME.matcher(field).matches()) {
            return ContainerKind.CACHE;
        }
        return known;
    }
}

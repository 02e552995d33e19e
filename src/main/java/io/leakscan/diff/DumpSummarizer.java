package io.leakscan.diff;

import io.leakscan.analysis.ContainerClassifier;
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
 * Reduces one analysed dump to a {@link DumpSummary}. Finds every container (collections, maps, caches,
 * listener lists, object arrays held by fields, thread-local maps, class loaders), names it by its path
 * signature, groups containers of one class on one path, and attributes every other object to its
 * nearest dominating container to say what each group holds.
 *
 * <p>O(objects + references); reads the dump again once for thread names. Not thread-safe.
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
        ContainerClassifier classifier = new ContainerClassifier(s);

        // 1. Containers and their groups.
        int n = s.objectCount();
        int[] groupOf = new int[n];
        java.util.Arrays.fill(groupOf, -1);
        LongIntMap groupIds = new LongIntMap(1024, -1);
        IntArrayList groupSignature = new IntArrayList(1024);
        IntArrayList groupClass = new IntArrayList(1024);
        List<ContainerKind> groupKind = new ArrayList<>();
        IntArrayList groupExample = new IntArrayList(1024);
        for (int v : paths.order()) {
            ContainerKind kind = containerKind(s, classifier, signatures, paths, v);
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
            }
            groupOf[v] = gid;
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
        for (int v : a.dominatorChildren().byEntry()) {
            int d = idom[v];
            int outer = d >= 0 ? nearest[d] : -1;
            int g = groupOf[v];
            if (outer >= 0 && classifier.kindOf(v) == ContainerClassifier.CLASS_LOADER) {
                loaders[outer]++;
            }
            if (g >= 0) {
                containers[g]++;
                elements[g] += classifier.elementCount(v);
                if (outer != g) {
                    retained[g] += a.retainedBytes(v);
                }
                nearest[v] = g;
            } else {
                nearest[v] = outer;
            }
            if (outer >= 0 && outer != g) {
                // v (an element, or a nested container itself) is held by the outer group.
                int c = s.classIndexOf(v);
                long key = ((long) outer << 24) | c;
                int h = heldIndex.get(key);
                if (h < 0) {
                    h = heldGroup.size();
                    heldIndex.put(key, h);
                    heldGroup.add(outer);
                    heldClass.add(c);
                    heldCount.add(0);
                    heldBytes.add(0);
                }
                heldCount.set(h, heldCount.get(h) + 1);
                heldBytes.set(h, heldBytes.get(h) + s.shallowBytes(v));
            }
        }
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
                int c = heldClass.get(h);
                top.add(new DumpSummary.Held(stableName(classes.name(c)), heldCount.get(h), heldBytes.get(h),
                        loaderClass >= 0 && classes.isSubclassOf(c, loaderClass)));
            }
            String containerClass = stableName(classes.name(groupClass.get(g)));
            String path = signatures.label(groupSignature.get(g));
            String kind = groupKind.get(g).label();
            String key = kind + " | " + containerClass + " | " + path;
            DumpSummary.ContainerGroup prev = groupMap.get(key);
            if (prev != null) {
                // Same path label from two signatures (rare): merge.
                groupMap.put(key, new DumpSummary.ContainerGroup(key, kind, containerClass, path,
                        prev.containers() + containers[g], prev.elements() + elements[g],
                        prev.retainedBytes() + retained[g], prev.example(), prev.classLoaders() + loaders[g],
                        prev.holds()));
            } else {
                groupMap.put(key, new DumpSummary.ContainerGroup(key, kind, containerClass, path, containers[g],
                        elements[g], retained[g], s.describe(groupExample.get(g)), loaders[g], top));
            }
        }
        return new DumpSummary(displayPath, s.info().timestampMillis(), a.liveObjects(), a.usedHeapBytes(),
                classStats(a, loaderClass), groupMap, false, s.info().complete() ? null
                        : "ends at byte offset " + s.info().readBytes() + " (" + s.info().truncation() + ")");
    }

    private static Map<String, DumpSummary.ClassStats> classStats(HeapAnalysis a, int loaderClass) {
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
            long[] v = sums.computeIfAbsent(name, k -> new long[4]);
            v[0] += h.instances(c);
            v[1] += h.shallowBytes(c);
            v[2] += h.retainedBytes(c);
            v[3] = loaderClass >= 0 && classes.isSubclassOf(c, loaderClass) ? 1 : v[3];
            loaders.computeIfAbsent(name, k -> new java.util.HashSet<>()).add(classes.loaderObject(c));
        }
        Map<String, DumpSummary.ClassStats> out = new HashMap<>();
        sums.forEach((name, v) -> out.put(name,
                new DumpSummary.ClassStats(name, v[0], v[1], v[2], loaders.get(name).size(), v[3] == 1)));
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

    /** The container kind of a reachable object, or null when it is no container (or an internal one). */
    private static ContainerKind containerKind(HeapSnapshot s, ContainerClassifier classifier,
            PathSignatures signatures, ShortestPaths paths, int v) {
        int parent = paths.parent(v);
        if (parent >= 0) {
            byte pk = classifier.kindOf(parent);
            if (pk == ContainerClassifier.WRAPPER || pk == ContainerClassifier.CACHE) {
                return null; // the wrapper or cache is the container
            }
        }
        byte k = classifier.kindOf(v);
        if (k == ContainerClassifier.NONE) {
            if (s.kind(v) != ObjectKind.OBJECT_ARRAY || parent < 0 || s.kind(parent) == ObjectKind.OBJECT_ARRAY
                    || classifier.kindOf(parent) != ContainerClassifier.NONE) {
                return null;
            }
            // Otherwise an object array held by a field of an ordinary object or a class is a container itself.
        }
        int sig = signatures.of(v);
        switch (k) {
            case ContainerClassifier.CACHE:
                return ContainerKind.CACHE;
            case ContainerClassifier.LISTENERS:
                return ContainerKind.LISTENERS;
            case ContainerClassifier.CLASS_LOADER:
                return ContainerKind.CLASS_LOADER;
            case ContainerClassifier.THREAD_LOCAL_MAP:
                return ContainerKind.THREAD_LOCAL;
            default:
                break;
        }
        if (signatures.throughThreadLocals(sig)) {
            return ContainerKind.THREAD_LOCAL;
        }
        String field = signatures.lastFieldName(sig);
        String className = s.classes().name(s.classIndexOf(v));
        if (ContainerClassifier.LISTENER_NAME.matcher(field).matches()
                || ContainerClassifier.LISTENER_NAME.matcher(className).matches()) {
            return ContainerKind.LISTENERS;
        }
        if (ContainerClassifier.CACHE_NAME.matcher(field).matches()) {
            return ContainerKind.CACHE;
        }
        return k == ContainerClassifier.NONE ? ContainerKind.ARRAY : ContainerKind.COLLECTION;
    }
}

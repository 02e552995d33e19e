package io.leakscan.diff;

import io.leakscan.analysis.ContainerKind;
import io.leakscan.analysis.ContainerRegistry;
import io.leakscan.analysis.ContainerTypes;
import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.ObjectInspector;
import io.leakscan.analysis.ShortestPaths;
import io.leakscan.heap.HeapClassTable;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.heap.ObjectKind;
import io.leakscan.hprof.HprofType;
import io.leakscan.util.IntArrayList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a person needs to act on a container group, taken from the group's fullest container: the
 * container in plain words, its key and value classes with a few example keys, a cache's bounds as the
 * dump shows them, and for a ThreadLocal value the static that declares the ThreadLocal. Also the JVM's
 * version and main class, from the system properties saved in the dump.
 *
 * <p>Cost: one walk over each example container's insides (O(its size)), then one pass over the dump
 * to read the few strings and cache fields shown. Not thread-safe.
 */
final class GroupDetails {
    /** Example keys kept per group. */
    static final int EXAMPLES = 3;
    /** Longest example shown, in characters. */
    static final int EXAMPLE_CHARS = 40;

    private final String[] words;
    private final String[] keyClass;
    private final String[] valueClass;
    private final List<List<String>> examples = new ArrayList<>();
    private final String[] configuration;
    private final String[] holder;
    private String jvmVersion;
    private String mainClass;

    private GroupDetails(int groups) {
        words = new String[groups];
        keyClass = new String[groups];
        valueClass = new String[groups];
        configuration = new String[groups];
        holder = new String[groups];
    }

    static GroupDetails of(HeapAnalysis a, ContainerRegistry registry, PathSignatures signatures, ShortestPaths paths,
            ObjectInspector inspector, IntArrayList groupExample, List<ContainerKind> groupKind) {
        HeapSnapshot s = a.snapshot();
        HeapClassTable classes = s.classes();
        int groups = groupExample.size();
        GroupDetails d = new GroupDetails(groups);
        int[][] samples = new int[groups][];
        int[] guavaCache = new int[groups];
        Set<Integer> toRead = new LinkedHashSet<>();
        for (int g = 0; g < groups; g++) {
            int ex = groupExample.get(g);
            ContainerRegistry.Contents c = registry.contents(ex, EXAMPLES);
            d.keyClass[g] = c.keyClass() < 0 ? null : DumpSummarizer.stableName(classes.name(c.keyClass()));
            d.valueClass[g] = c.valueClass() < 0 ? null : DumpSummarizer.stableName(classes.name(c.valueClass()));
            samples[g] = c.sampleKeys();
            for (int o : samples[g]) {
                addReadable(s, o, toRead);
            }
            d.words[g] = registry.words(ex);
            guavaCache[g] = -1;
            String cls = classes.name(s.classIndexOf(ex));
            if (cls.startsWith("com.google.common.cache.LocalCache")) {
                int lc = cls.equals("com.google.common.cache.LocalCache") ? ex : s.fieldTarget(ex, "localCache");
                if (lc >= 0) {
                    guavaCache[g] = lc;
                    toRead.add(lc);
                }
            } else if (cls.startsWith("com.github.benmanes.caffeine.cache.")) {
                d.configuration[g] = caffeineBounds(s, ex);
            }
            if (groupKind.get(g) == ContainerKind.THREAD_LOCAL) {
                d.holder[g] = threadLocalHolder(s, signatures, paths, ex);
            }
        }
        int[] props = savedProperties(s, registry);
        for (int o : props) {
            addReadable(s, o, toRead);
        }
        inspector.load(toRead);
        for (int g = 0; g < groups; g++) {
            List<String> shown = new ArrayList<>();
            for (int o : samples[g]) {
                String text = display(s, inspector, o);
                if (text != null) {
                    shown.add(text);
                }
            }
            d.examples.add(List.copyOf(shown));
            if (guavaCache[g] >= 0) {
                d.configuration[g] = guavaBounds(inspector, guavaCache[g]);
            }
        }
        for (int i = 0; i + 1 < props.length; i += 2) {
            String key = inspector.stringValue(props[i]);
            String value = inspector.stringValue(props[i + 1]);
            if ("java.vm.version".equals(key) || "java.version".equals(key) && d.jvmVersion == null) {
                d.jvmVersion = value;
            } else if ("sun.java.command".equals(key) && value != null) {
                String first = value.trim().split("\\s+")[0];
                d.mainClass = first.isEmpty() ? null : first;
            }
        }
        return d;
    }

    /** Adds an object and, for a String, its value array, to what the pass over the dump reads. */
    private static void addReadable(HeapSnapshot s, int o, Set<Integer> toRead) {
        if (o < 0 || s.kind(o) != ObjectKind.INSTANCE) {
            return;
        }
        toRead.add(o);
        int value = s.fieldTarget(o, "value");
        if (value >= 0 && s.kind(value) == ObjectKind.PRIMITIVE_ARRAY) {
            toRead.add(value);
        }
    }

    /** A key for people: a String in quotes (shortened), a boxed number as itself, else null (not shown). */
    private static String display(HeapSnapshot s, ObjectInspector inspector, int o) {
        String cls = s.classes().name(s.classIndexOf(o));
        if (cls.equals("java.lang.String")) {
            String text = inspector.stringValue(o);
            if (text != null) {
                return "\"" + (text.length() > EXAMPLE_CHARS ? text.substring(0, EXAMPLE_CHARS - 1) + "…" : text) + "\"";
            }
        } else if (cls.startsWith("java.lang.") && List.of("Long", "Integer", "Short", "Byte")
                .contains(cls.substring("java.lang.".length()))) {
            Long v = inspector.primitiveField(o, "value");
            if (v != null) {
                return v.toString();
            }
        }
        return null;
    }

    /** Guava's LocalCache keeps maxWeight -1 when no maximum was set, and 0 nanoseconds for no expiry. */
    private static String guavaBounds(ObjectInspector inspector, int localCache) {
        Long max = inspector.primitiveField(localCache, "maxWeight");
        Long access = inspector.primitiveField(localCache, "expireAfterAccessNanos");
        Long write = inspector.primitiveField(localCache, "expireAfterWriteNanos");
        if (max == null || access == null || write == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        parts.add(max < 0 ? "no maximum size" : String.format(Locale.ROOT, "maximum size %,d", max));
        if (access <= 0 && write <= 0) {
            parts.add("no expiry");
        }
        if (access > 0) {
            parts.add("expires " + seconds(access) + " after access");
        }
        if (write > 0) {
            parts.add("expires " + seconds(write) + " after write");
        }
        return String.join(", ", parts);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%,d s", nanos / 1_000_000_000L);
    }

    /**
     * Caffeine builds one class per feature set: an unbounded cache is {@code UnboundedLocalCache}; a
     * bounded one's class name lists its features after the key and value strength letters ({@code M}
     * maximum size or weight, {@code A} expiry after access, {@code W} after write).
     */
    private static String caffeineBounds(HeapSnapshot s, int ex) {
        int cache = s.fieldTarget(ex, "cache");
        int c = s.classIndexOf(cache >= 0 ? cache : ex);
        String name = s.classes().name(c);
        if (name.contains("UnboundedLocalCache")) {
            return "no maximum size, no expiry";
        }
        String simple = name.substring(name.lastIndexOf('.') + 1);
        if (simple.length() < 2 || simple.contains("$") || simple.contains("LocalCache")) {
            return null;
        }
        String features = simple.substring(2).replace("MS", "M").replace("MW", "M");
        List<String> parts = new ArrayList<>();
        parts.add(features.contains("M") ? "maximum size" : "no maximum size");
        boolean access = features.contains("A");
        boolean write = features.contains("W");
        parts.add(access || write ? "expiry set" : "no expiry");
        return String.join(", ", parts);
    }

    /** For a value held in a ThreadLocal map: the path of the ThreadLocal that is its key. */
    private static String threadLocalHolder(HeapSnapshot s, PathSignatures signatures, ShortestPaths paths, int ex) {
        for (int v = paths.parent(ex), guard = 0; v >= 0 && guard < 4; v = paths.parent(v), guard++) {
            if (s.kind(v) == ObjectKind.INSTANCE
                    && s.classes().name(s.classIndexOf(v)).equals("java.lang.ThreadLocal$ThreadLocalMap$Entry")) {
                int local = s.fieldTarget(v, "referent");
                return local >= 0 && signatures.of(local) >= 0 ? "ThreadLocal " + signatures.label(signatures.of(local))
                        : null;
            }
        }
        return null;
    }

    /**
     * Key and value Strings of the system properties ({@code System.props}, else the copy the JVM saved at
     * startup in {@code jdk.internal.misc.VM.savedProps} or {@code sun.misc.VM.savedProps}), as pairs.
     */
    private static int[] savedProperties(HeapSnapshot s, ContainerRegistry registry) {
        HeapClassTable classes = s.classes();
        int map = -1;
        String[][] holders = {{"java.lang.System", "props"}, {"jdk.internal.misc.VM", "savedProps"},
            {"sun.misc.VM", "savedProps"}};
        for (String[] holder : holders) {
            int c = classes.find(holder[0]);
            String[] names = c < 0 || map >= 0 ? new String[0] : classes.staticNames(c);
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(holder[1]) && classes.staticTypes(c)[i] == HprofType.OBJECT) {
                    map = s.indexOf(classes.staticValues(c)[i]);
                }
            }
        }
        IntArrayList pairs = new IntArrayList(256);
        if (map < 0) {
            return pairs.toArray();
        }
        int[] outStart = s.graph().outStart();
        int[] out = s.graph().out();
        int root = registry.ownerOf(map) >= 0 ? registry.ownerOf(map) : map; // the map may sit inside a wrapper
        IntArrayList stack = new IntArrayList(64);
        stack.add(map);
        Set<Integer> seen = new java.util.HashSet<>();
        while (stack.size() > 0 && seen.size() < 10_000) {
            int u = stack.get(stack.size() - 1);
            stack.truncate(stack.size() - 1);
            int key = s.fieldTarget(u, "key");
            int value = s.fieldTarget(u, "value");
            if (value < 0) {
                value = s.fieldTarget(u, "val");
            }
            if (key >= 0 && value >= 0) {
                pairs.add(key);
                pairs.add(value);
            }
            for (int e = outStart[u]; e < outStart[u + 1]; e++) {
                int v = out[e];
                if ((registry.ownerOf(v) == root || v == map) && seen.add(v)) {
                    stack.add(v);
                }
            }
        }
        return pairs.toArray();
    }

    String words(int g, String path) {
        ContainerTypes.Registry r = ContainerTypes.registry(path);
        return r != null ? r.words() : words[g];
    }

    String keyClass(int g) {
        return keyClass[g];
    }

    String valueClass(int g) {
        return valueClass[g];
    }

    List<String> examples(int g) {
        return examples.get(g);
    }

    String configuration(int g) {
        return configuration[g];
    }

    String holder(int g) {
        return holder[g];
    }

    String jvmVersion() {
        return jvmVersion;
    }

    String mainClass() {
        return mainClass;
    }
}

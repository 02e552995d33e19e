package io.leakscan.analysis;

import io.leakscan.heap.HeapClassTable;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.heap.ObjectKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Retained bytes grouped the way MAT's "Top Consumers" report groups them: the top-level dominators
 * (objects only the GC roots dominate) by class, by package and by class loader. Each byte of the heap
 * is counted once, under the top-level dominator that retains it. A class object counts under the class
 * it represents (its statics belong to that class's package and loader). O(top-level dominators).
 * Stateless; thread-safe.
 */
public final class TopConsumers {
    /** Name of the package group of primitive arrays and of classes in the unnamed package. */
    public static final String NO_PACKAGE = "<no package>";

    /** One group: its name, how many top-level dominators it has, and their retained bytes. */
    public record Group(String name, long objects, long retainedBytes) {
    }

    /** The three groupings, each biggest first. */
    public record Result(List<Group> byClass, List<Group> byPackage, List<Group> byClassLoader) {
    }

    private TopConsumers() {
    }

    public static Result of(HeapAnalysis a) {
        HeapSnapshot s = a.snapshot();
        HeapClassTable classes = s.classes();
        Map<String, long[]> byClass = new HashMap<>();
        Map<String, long[]> byPackage = new HashMap<>();
        Map<Integer, long[]> byLoader = new HashMap<>();
        for (int o : a.dominatorChildren().rootChildren()) {
            int c = s.kind(o) == ObjectKind.CLASS ? s.classIndexOfClassObject(o) : s.classIndexOf(o);
            long retained = a.retainedBytes(o);
            add(byClass, classes.name(s.classIndexOf(o)), retained);
            add(byPackage, packageOf(classes.name(c)), retained);
            long[] l = byLoader.computeIfAbsent(classes.loaderObject(c), k -> new long[2]);
            l[0]++;
            l[1] += retained;
        }
        Map<String, long[]> loaders = new HashMap<>();
        for (Map.Entry<Integer, long[]> e : byLoader.entrySet()) {
            String name = e.getKey() < 0 ? "<unknown loader>" : s.describe(e.getKey());
            long[] l = loaders.computeIfAbsent(name, k -> new long[2]);
            l[0] += e.getValue()[0];
            l[1] += e.getValue()[1];
        }
        return new Result(sorted(byClass), sorted(byPackage), sorted(loaders));
    }

    /** The package of a class name; an array counts under its element class's package. */
    public static String packageOf(String className) {
        String element = className;
        while (element.endsWith("[]")) {
            element = element.substring(0, element.length() - 2);
        }
        int dot = element.lastIndexOf('.');
        return dot < 0 ? NO_PACKAGE : element.substring(0, dot);
    }

    private static void add(Map<String, long[]> groups, String name, long retained) {
        long[] g = groups.computeIfAbsent(name, k -> new long[2]);
        g[0]++;
        g[1] += retained;
    }

    private static List<Group> sorted(Map<String, long[]> groups) {
        List<Group> list = new ArrayList<>();
        for (Map.Entry<String, long[]> e : groups.entrySet()) {
            list.add(new Group(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        list.sort((x, y) -> x.retainedBytes() != y.retainedBytes() ? Long.compare(y.retainedBytes(), x.retainedBytes())
                : x.name().compareTo(y.name()));
        return list;
    }
}

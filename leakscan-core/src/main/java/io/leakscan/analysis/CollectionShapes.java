package io.leakscan.analysis;

import io.leakscan.heap.HeapClassTable;
import java.util.Arrays;
import java.util.Map;

/**
 * Which JDK collections keep their elements in one backing array, which field holds it, and what
 * capacity their size calls for — the knowledge the fill-ratio figures of {@link Waste} need. The
 * element count itself comes from {@link ContainerRegistry#entries}. Kept apart so
 * that the container registry (issue 12) can absorb it. Stateless; thread-safe.
 */
public final class CollectionShapes {
    /** How a collection's capacity follows from its size. */
    public enum Growth {
        /** Array lists: a list of n elements needs n slots. */
        LIST,
        /** Hash tables with load factor 0.75 and power-of-two tables: n entries need the smallest power of two ≥ n / 0.75. */
        HASH
    }

    /** A known collection class: the field of its backing array and how its capacity grows. */
    public record Shape(String className, String arrayField, Growth growth) {
    }

    private static final Map<String, Shape> SHAPES = Map.of(
            "java.util.HashMap", new Shape("java.util.HashMap", "table", Growth.HASH),
            "java.util.Hashtable", new Shape("java.util.Hashtable", "table", Growth.HASH),
            "java.util.WeakHashMap", new Shape("java.util.WeakHashMap", "table", Growth.HASH),
            "java.util.ArrayList", new Shape("java.util.ArrayList", "elementData", Growth.LIST),
            "java.util.Vector", new Shape("java.util.Vector", "elementData", Growth.LIST),
            "java.util.PriorityQueue", new Shape("java.util.PriorityQueue", "queue", Growth.LIST));

    private CollectionShapes() {
    }

    /**
     * The shape of every class by class index (that of its nearest known ancestor: a LinkedHashMap is a
     * HashMap), null for classes that are not known collections. O(classes · depth).
     */
    public static Shape[] byClass(HeapClassTable classes) {
        Shape[] result = new Shape[classes.count()];
        for (int c = 0; c < classes.count(); c++) {
            int guard = 0;
            for (int k = c; k >= 0 && guard++ < 10_000; k = classes.superClass(k)) {
                if (keepsItsOwnStorage(classes, k)) {
                    break;
                }
                Shape s = SHAPES.get(classes.name(k));
                if (s != null) {
                    result[c] = s;
                    break;
                }
            }
        }
        return result;
    }

    /**
     * Since JDK 9 a {@code Properties} keeps its entries in its own {@code map} field, leaving the
     * Hashtable it extends empty: its Hashtable fields say nothing about it.
     */
    private static boolean keepsItsOwnStorage(HeapClassTable classes, int classIndex) {
        return classes.name(classIndex).equals("java.util.Properties")
                && Arrays.asList(classes.fieldNames(classIndex)).contains("map");
    }

    /** Backing-array slots {@code size} elements need: size for lists, a 0.75-loaded power of two for hash tables. */
    public static long neededCapacity(Growth growth, long size) {
        if (size <= 0) {
            return 0;
        }
        if (growth == Growth.LIST) {
            return size;
        }
        long needed = (long) Math.ceil(size / 0.75);
        return needed <= 1 ? 1 : Long.highestOneBit(needed - 1) << 1;
    }

    /** The class names known, for documentation and tests. */
    public static String[] knownClasses() {
        String[] names = SHAPES.keySet().toArray(new String[0]);
        Arrays.sort(names);
        return names;
    }
}

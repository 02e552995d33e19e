package io.leakscan.heap;

import io.leakscan.hprof.HprofType;
import io.leakscan.util.LongIntMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The int (or long) fields that hold the logical size of the JDK's and common libraries' containers
 * — a map's {@code size}, not its table's length. The builder reads them while parsing, for instances
 * of these classes and their subclasses, so size is known without a second pass over the dump.
 * Stateless.
 */
final class ContainerSizeFields {
    /** Declaring class → field holding the element count. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("java.util.HashMap", "size"),
            Map.entry("java.util.Hashtable", "count"),
            Map.entry("java.util.WeakHashMap", "size"),
            Map.entry("java.util.TreeMap", "size"),
            Map.entry("java.util.IdentityHashMap", "size"),
            Map.entry("java.util.EnumMap", "size"),
            Map.entry("java.util.ArrayList", "size"),
            Map.entry("java.util.Vector", "elementCount"),
            Map.entry("java.util.LinkedList", "size"),
            Map.entry("java.util.PriorityQueue", "size"),
            Map.entry("java.util.concurrent.ConcurrentHashMap", "baseCount"),
            Map.entry("java.util.concurrent.ConcurrentHashMap$Segment", "count"),
            Map.entry("java.util.concurrent.ArrayBlockingQueue", "count"),
            Map.entry("java.util.concurrent.PriorityBlockingQueue", "size"),
            Map.entry("java.lang.ThreadLocal$ThreadLocalMap", "size"),
            Map.entry("com.google.common.cache.LocalCache$Segment", "count"));

    private ContainerSizeFields() {
    }

    /**
     * Offset of the size field in the field bytes of {@code c}'s instances (the low 32 bits for a long),
     * or -1 when no class of its hierarchy is a known container.
     */
    static int offsetIn(ClassRecord c, List<ClassRecord> classes, LongIntMap classIndexById, StringTable strings,
            Function<ClassRecord, String> nameOf, int idSize) {
        int base = 0;
        ClassRecord k = c;
        int guard = 0;
        while (k != null && guard++ < 10_000) {
            String name = nameOf.apply(k);
            String field = name == null ? null : FIELDS.get(name);
            int offset = base;
            for (int i = 0; i < k.fieldTypes.length; i++) {
                int t = k.fieldTypes[i];
                if (field != null && (t == HprofType.INT || t == HprofType.LONG)
                        && field.equals(strings.get(k.fieldNameIds[i]))) {
                    return t == HprofType.LONG ? offset + 4 : offset;
                }
                offset += HprofType.fileSize(t, idSize);
            }
            base = offset;
            if (k.superClassId == 0) {
                break;
            }
            int si = classIndexById.get(k.superClassId);
            k = si >= 0 ? classes.get(si) : null;
        }
        return -1;
    }
}

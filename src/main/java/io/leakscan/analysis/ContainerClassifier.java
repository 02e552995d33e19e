package io.leakscan.analysis;

import io.leakscan.heap.HeapClassTable;
import io.leakscan.heap.HeapGraph;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.heap.ObjectKind;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises containers — JDK and library collections and maps, caches, listener lists, plain object
 * arrays, thread-local maps, class loaders — and counts their logical elements (a map's size, not its
 * table's length). Per class, decided once; per object, O(1) for sized containers.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class ContainerClassifier {
    /** Not a container. */
    public static final byte NONE = 0;
    /** A collection or map. */
    public static final byte COLLECTION = 1;
    /** A view or wrapper around another container (HashSet around its HashMap): the inner one is skipped. */
    public static final byte WRAPPER = 2;
    /** A cache implementation. */
    public static final byte CACHE = 3;
    /** A listener support class. */
    public static final byte LISTENERS = 4;
    /** A ThreadLocal map. */
    public static final byte THREAD_LOCAL_MAP = 5;
    /** A class loader. */
    public static final byte CLASS_LOADER = 6;

    private static final List<String> COLLECTIONS = List.of("java.util.AbstractMap", "java.util.AbstractCollection",
            "java.util.Hashtable", "java.util.Dictionary", "java.util.concurrent.ConcurrentHashMap");
    private static final List<String> WRAPPERS = List.of("java.util.HashSet", "java.util.TreeSet",
            "java.util.concurrent.CopyOnWriteArraySet", "java.util.concurrent.ConcurrentSkipListSet",
            "java.util.Collections$SynchronizedCollection", "java.util.Collections$SynchronizedMap",
            "java.util.Collections$UnmodifiableCollection", "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$CheckedCollection", "java.util.Collections$CheckedMap",
            "java.util.Collections$SetFromMap", "java.util.concurrent.ConcurrentHashMap$KeySetView",
            "com.google.common.cache.LocalCache$LocalManualCache");
    private static final List<String> CACHES = List.of("com.google.common.cache.LocalCache",
            "com.github.benmanes.caffeine.cache.BoundedLocalCache",
            "com.github.benmanes.caffeine.cache.UnboundedLocalCache");
    private static final List<String> LISTENER_SUPPORT = List.of("javax.swing.event.EventListenerList",
            "java.beans.PropertyChangeSupport", "java.beans.VetoableChangeSupport", "java.beans.ChangeListenerMap",
            "java.awt.AWTEventMulticaster");
    /** Field or class names that mark listener lists. */
    public static final Pattern LISTENER_NAME = Pattern.compile("(?i).*(listener|observer|callback|handler|subscriber).*");
    /** Field or class names that mark caches. */
    public static final Pattern CACHE_NAME = Pattern.compile("(?i).*cache.*");

    private final HeapSnapshot snapshot;
    private final byte[] classKind;
    private final int[] classesPerLoader;

    public ContainerClassifier(HeapSnapshot snapshot) {
        this.snapshot = snapshot;
        HeapClassTable classes = snapshot.classes();
        int n = classes.count();
        classKind = new byte[n];
        int[] collections = indices(classes, COLLECTIONS);
        int[] wrappers = indices(classes, WRAPPERS);
        int[] caches = indices(classes, CACHES);
        int[] listeners = indices(classes, LISTENER_SUPPORT);
        int[] threadLocalMap = indices(classes, List.of("java.lang.ThreadLocal$ThreadLocalMap"));
        int[] loader = indices(classes, List.of("java.lang.ClassLoader"));
        for (int c = 0; c < n; c++) {
            if (classes.isArray(c)) {
                continue;
            }
            if (isAny(classes, c, wrappers)) {
                classKind[c] = WRAPPER;
            } else if (isAny(classes, c, caches)) {
                classKind[c] = CACHE;
            } else if (isAny(classes, c, listeners)) {
                classKind[c] = LISTENERS;
            } else if (isAny(classes, c, threadLocalMap)) {
                classKind[c] = THREAD_LOCAL_MAP;
            } else if (isAny(classes, c, loader)) {
                classKind[c] = CLASS_LOADER;
            } else if (isAny(classes, c, collections)) {
                classKind[c] = COLLECTION;
            }
        }
        // Classes defined per loader object: a loader's "elements".
        classesPerLoader = new int[snapshot.objectCount()];
        for (int c = 0; c < n; c++) {
            int l = classes.loaderObject(c);
            if (l >= 0) {
                classesPerLoader[l]++;
            }
        }
    }

    private static int[] indices(HeapClassTable classes, List<String> names) {
        return names.stream().mapToInt(classes::find).filter(i -> i >= 0).toArray();
    }

    private static boolean isAny(HeapClassTable classes, int c, int[] bases) {
        for (int b : bases) {
            if (classes.isSubclassOf(c, b)) {
                return true;
            }
        }
        return false;
    }

    /** The container kind code of an object ({@link #NONE} for non-containers; object arrays are not classified here). */
    public byte kindOf(int objectIndex) {
        if (snapshot.kind(objectIndex) != ObjectKind.INSTANCE) {
            return NONE;
        }
        return classKind[snapshot.classIndexOf(objectIndex)];
    }

    /**
     * Logical number of elements: the container's own size field when it has one, the classes a loader
     * defined, else the number of distinct non-null references in the biggest array it holds directly
     * (or in itself, for an array).
     */
    public long elementCount(int objectIndex) {
        int size = snapshot.containerSize(objectIndex);
        if (size >= 0) {
            return size;
        }
        if (kindOf(objectIndex) == CLASS_LOADER) {
            return classesPerLoader[objectIndex];
        }
        HeapGraph g = snapshot.graph();
        int[] outStart = g.outStart();
        int[] out = g.out();
        if (snapshot.kind(objectIndex) == ObjectKind.OBJECT_ARRAY) {
            return outStart[objectIndex + 1] - outStart[objectIndex];
        }
        long best = 0;
        for (int e = outStart[objectIndex]; e < outStart[objectIndex + 1]; e++) {
            int t = out[e];
            if (snapshot.kind(t) == ObjectKind.OBJECT_ARRAY) {
                best = Math.max(best, outStart[t + 1] - outStart[t]);
            }
        }
        return best;
    }
}

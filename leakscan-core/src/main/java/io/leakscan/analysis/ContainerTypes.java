package io.leakscan.analysis;

import java.util.List;

/**
 * The table of containers leakscan knows: for each, the class people hold (its subclasses match too),
 * what it is in plain words, its kind, how its entries are counted, and which objects are its insides
 * (tables, segments, nodes, backing arrays) that fold into it. <b>This is the one place to add a
 * container type</b>: one {@link Type} line; {@link ContainerRegistry} does the rest (docs/diff.md).
 *
 * <p>Patterns name classes exactly ({@code java.util.HashMap}) or with one {@code *} standing for any run
 * of characters ({@code java.util.HashMap$*}). Constants only; thread-safe.
 */
public final class ContainerTypes {
    private ContainerTypes() {
    }

    /** How a container's entries are counted from the reference graph (no field values are read). */
    public enum Count {
        /** Internal objects of the entry classes (map nodes, list nodes, cache entries). */
        NODES,
        /** Distinct non-null references from its internal arrays to outside objects (array-backed lists). */
        SLOTS,
        /** Classes the class loader defined. */
        CLASSES,
        /** The entries of the one container it wraps (a set around its map, a cache around its table). */
        WRAPPED
    }

    /**
     * One internal-object rule: an object of a class matching {@code target}, referenced from an object
     * matching {@code via} (null: from the container or any of its insides; "": from the container itself)
     * is part of the container.
     */
    public record Inside(String target, String via) {
    }

    /**
     * A known container.
     *
     * @param className   the class people hold (subclasses match unless an earlier line claims them)
     * @param kind        what it is for ranking and reports
     * @param words       the container in plain words, for people
     * @param count       how entries are counted
     * @param insides     which objects fold into it
     * @param entries     entry class patterns (for {@link Count#NODES})
     * @param keyPath     field path from an entry to its key ({@code key}, {@code referent}), or null
     * @param valuePath   field path from an entry to its value ({@code value}, {@code valueReference.referent};
     *                    {@code a|b} for alternatives), or null
     */
    public record Type(String className, ContainerKind kind, String words, Count count, List<Inside> insides,
            List<String> entries, String keyPath, String valuePath) {
    }

    private static Inside in(String target) {
        return new Inside(target, null);
    }

    private static Inside in(String target, String via) {
        return new Inside(target, via);
    }

    private static Type nodes(String cls, ContainerKind kind, String words, List<Inside> insides, List<String> entries,
            String key, String value) {
        return new Type(cls, kind, words, Count.NODES, insides, entries, key, value);
    }

    private static Type slots(String cls, ContainerKind kind, String words, List<Inside> insides) {
        return new Type(cls, kind, words, Count.SLOTS, insides, List.of(), null, null);
    }

    private static Type wraps(String cls, ContainerKind kind, String words) {
        return new Type(cls, kind, words, Count.WRAPPED, List.of(), List.of(), null, null);
    }

    private static List<Inside> join(List<Inside> a, List<Inside> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static List<String> join2(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static final List<Inside> HASH_MAP = List.of(in("java.util.HashMap$*"), in("java.util.LinkedHashMap$*"));
    private static final List<String> HASH_MAP_NODES = List.of("java.util.HashMap$Node", "java.util.HashMap$TreeNode",
            "java.util.LinkedHashMap$Entry");
    private static final List<Inside> CHM = List.of(in("java.util.concurrent.ConcurrentHashMap$*"));
    private static final List<String> CHM_NODES = List.of("java.util.concurrent.ConcurrentHashMap$Node",
            "java.util.concurrent.ConcurrentHashMap$TreeNode");
    private static final List<Inside> OWN_ARRAY = List.of(in("java.lang.Object[]", ""));
    /** java.beans supports: a listener map → a HashMap of property name → listener array. */
    private static final List<Inside> BEANS = join(List.of(in("java.beans.*ListenerMap", ""),
            in("java.util.HashMap", "java.beans.*ListenerMap"), in("java.beans.*[]", "java.util.HashMap$Node")),
            List.of(in("java.util.HashMap$*", "java.util.HashMap"), in("java.util.HashMap$*", "java.util.HashMap$*")));
    private static final String CAFFEINE = "com.github.benmanes.caffeine.cache.";
    private static final String GUAVA = "com.google.common.cache.LocalCache";
    private static final List<Inside> GUAVA_INSIDES = List.of(in(GUAVA, ""), in(GUAVA + "$*"),
            in("java.util.concurrent.atomic.AtomicReferenceArray", GUAVA + "$Segment"),
            in("java.lang.Object[]", "java.util.concurrent.atomic.AtomicReferenceArray"),
            in("java.util.concurrent.ConcurrentLinkedQueue", GUAVA + "$Segment"),
            in("java.util.concurrent.ConcurrentLinkedQueue$Node", null),
            in("java.lang.ref.ReferenceQueue", GUAVA + "$Segment"));
    private static final List<String> GUAVA_ENTRIES = List.of(GUAVA + "$Strong*Entry", GUAVA + "$Weak*Entry");
    private static final List<Inside> CAFFEINE_UNBOUNDED = join(List.of(in(CAFFEINE + "UnboundedLocalCache*", ""),
            in("java.util.concurrent.ConcurrentHashMap", CAFFEINE + "UnboundedLocalCache")), CHM);
    private static final List<Inside> CAFFEINE_BOUNDED = join(List.of(in(CAFFEINE + "*"),
            in("java.util.concurrent.ConcurrentHashMap", CAFFEINE + "*"), in("java.lang.Object[]", CAFFEINE + "*"),
            in("long[]", CAFFEINE + "*")), CHM);
    private static final String EHCACHE = "org.ehcache.impl.internal.";
    /** Ehcache 3's heap tier: store → backend → its own copy of ConcurrentHashMap → value holders. */
    private static final List<Inside> EHCACHE_INSIDES = List.of(
            in(EHCACHE + "store.heap.OnHeapStore", ""),
            in(EHCACHE + "store.heap.SimpleBackend", EHCACHE + "store.heap.OnHeapStore"),
            in(EHCACHE + "concurrent.ConcurrentHashMap", EHCACHE + "store.heap.SimpleBackend"),
            in(EHCACHE + "concurrent.ConcurrentHashMap$*", EHCACHE + "concurrent.ConcurrentHashMap*"),
            in(EHCACHE + "store.heap.holders.*", EHCACHE + "concurrent.ConcurrentHashMap$*"));
    private static final List<Inside> LOADER = join(List.of(in("java.util.ArrayList", ""), in("java.util.Vector", ""),
            in("java.lang.Object[]", "java.util.ArrayList"), in("java.lang.Object[]", "java.util.Vector"),
            in("java.util.concurrent.ConcurrentHashMap", ""), in("java.util.HashMap", ""), in("java.lang.Object",
                    "java.util.concurrent.ConcurrentHashMap$Node"), in("java.lang.NamedPackage", null),
            in("java.lang.Package", null)), join(CHM, HASH_MAP));

    /** Every known container, most specific first: the first line whose class the object's class extends wins. */
    public static final List<Type> ALL = List.of(
            // Caches
            wraps(GUAVA + "$LocalManualCache", ContainerKind.CACHE, "Guava cache"),
            nodes(GUAVA, ContainerKind.CACHE, "Guava cache", GUAVA_INSIDES, GUAVA_ENTRIES, "key",
                    "valueReference.referent"),
            wraps(CAFFEINE + "UnboundedLocalCache$UnboundedLocalManualCache", ContainerKind.CACHE,
                    "Caffeine cache (unbounded)"),
            wraps(CAFFEINE + "BoundedLocalCache$BoundedLocalManualCache", ContainerKind.CACHE, "Caffeine cache"),
            wraps(CAFFEINE + "LocalAsyncCache$AsMapView", ContainerKind.CACHE, "Caffeine cache"),
            nodes(CAFFEINE + "UnboundedLocalCache", ContainerKind.CACHE, "Caffeine cache (unbounded)",
                    CAFFEINE_UNBOUNDED, CHM_NODES, "key", "val"),
            nodes(CAFFEINE + "BoundedLocalCache", ContainerKind.CACHE, "Caffeine cache", CAFFEINE_BOUNDED, CHM_NODES,
                    "key", "val.value"),
            nodes("org.ehcache.core.EhcacheBase", ContainerKind.CACHE, "Ehcache cache", EHCACHE_INSIDES,
                    List.of(EHCACHE + "concurrent.ConcurrentHashMap$Node", EHCACHE + "concurrent.ConcurrentHashMap$TreeNode"),
                    "key", "val.value|val.copiedValue"),
            // Listener supports
            slots("javax.swing.event.EventListenerList", ContainerKind.LISTENERS, "EventListenerList", OWN_ARRAY),
            slots("java.beans.PropertyChangeSupport", ContainerKind.LISTENERS, "PropertyChangeSupport", BEANS),
            slots("java.beans.VetoableChangeSupport", ContainerKind.LISTENERS, "VetoableChangeSupport", BEANS),
            // Thread-locals and class loaders
            nodes("java.lang.ThreadLocal$ThreadLocalMap", ContainerKind.THREAD_LOCAL, "ThreadLocal map",
                    List.of(in("java.lang.ThreadLocal$ThreadLocalMap$Entry[]", ""),
                            in("java.lang.ThreadLocal$ThreadLocalMap$Entry", "java.lang.ThreadLocal$ThreadLocalMap$Entry[]")),
                    List.of("java.lang.ThreadLocal$ThreadLocalMap$Entry"), "referent", "value"),
            new Type("java.lang.ClassLoader", ContainerKind.CLASS_LOADER, "class loader", Count.CLASSES, LOADER,
                    List.of(), null, null),
            // Wrappers and views: the container is the wrapper
            wraps("java.util.HashSet", ContainerKind.COLLECTION, "HashSet"),
            wraps("java.util.TreeSet", ContainerKind.COLLECTION, "TreeSet"),
            wraps("java.util.concurrent.CopyOnWriteArraySet", ContainerKind.COLLECTION, "CopyOnWriteArraySet"),
            wraps("java.util.concurrent.ConcurrentSkipListSet", ContainerKind.COLLECTION, "ConcurrentSkipListSet"),
            wraps("java.util.concurrent.ConcurrentHashMap$KeySetView", ContainerKind.COLLECTION,
                    "ConcurrentHashMap key set"),
            wraps("java.util.concurrent.DelayQueue", ContainerKind.COLLECTION, "DelayQueue"),
            wraps("java.util.Collections$SynchronizedCollection", ContainerKind.COLLECTION, "synchronized collection"),
            wraps("java.util.Collections$SynchronizedMap", ContainerKind.COLLECTION, "synchronized map"),
            wraps("java.util.Collections$UnmodifiableCollection", ContainerKind.COLLECTION, "unmodifiable collection"),
            wraps("java.util.Collections$UnmodifiableMap", ContainerKind.COLLECTION, "unmodifiable map"),
            wraps("java.util.Collections$CheckedCollection", ContainerKind.COLLECTION, "checked collection"),
            wraps("java.util.Collections$CheckedMap", ContainerKind.COLLECTION, "checked map"),
            wraps("java.util.Collections$SetFromMap", ContainerKind.COLLECTION, "set"),
            // Maps
            nodes("java.util.HashMap", ContainerKind.COLLECTION, "HashMap", HASH_MAP, HASH_MAP_NODES, "key", "value"),
            nodes("java.util.concurrent.ConcurrentHashMap", ContainerKind.COLLECTION, "ConcurrentHashMap", CHM,
                    CHM_NODES, "key", "val"),
            // Properties: a ConcurrentHashMap inside since JDK 9, its Hashtable's own table before
            nodes("java.util.Properties", ContainerKind.COLLECTION, "Properties",
                    join(List.of(in("java.util.concurrent.ConcurrentHashMap", ""), in("java.util.Hashtable$*")), CHM),
                    join2(CHM_NODES, List.of("java.util.Hashtable$Entry")), "key", "val"),
            nodes("java.util.Hashtable", ContainerKind.COLLECTION, "Hashtable", List.of(in("java.util.Hashtable$*")),
                    List.of("java.util.Hashtable$Entry"), "key", "value"),
            nodes("java.util.WeakHashMap", ContainerKind.COLLECTION, "WeakHashMap",
                    List.of(in("java.util.WeakHashMap$*"), in("java.lang.ref.ReferenceQueue", ""),
                            in("java.lang.ref.ReferenceQueue$Lock", "java.lang.ref.ReferenceQueue")),
                    List.of("java.util.WeakHashMap$Entry"), "referent", "value"),
            nodes("java.util.TreeMap", ContainerKind.COLLECTION, "TreeMap", List.of(in("java.util.TreeMap$*")),
                    List.of("java.util.TreeMap$Entry"), "key", "value"),
            nodes("java.util.concurrent.ConcurrentSkipListMap", ContainerKind.COLLECTION, "ConcurrentSkipListMap",
                    List.of(in("java.util.concurrent.ConcurrentSkipListMap$*"),
                            in("java.util.concurrent.atomic.LongAdder", "")),
                    List.of("java.util.concurrent.ConcurrentSkipListMap$Node"), "key", "val"),
            slots("java.util.IdentityHashMap", ContainerKind.COLLECTION, "IdentityHashMap", OWN_ARRAY),
            slots("java.util.EnumMap", ContainerKind.COLLECTION, "EnumMap", OWN_ARRAY),
            // Lists, queues and deques
            slots("java.util.concurrent.CopyOnWriteArrayList", ContainerKind.COLLECTION, "CopyOnWriteArrayList",
                    OWN_ARRAY),
            slots("java.util.ArrayList", ContainerKind.COLLECTION, "ArrayList", OWN_ARRAY),
            slots("java.util.Vector", ContainerKind.COLLECTION, "Vector", OWN_ARRAY),
            slots("java.util.ArrayDeque", ContainerKind.COLLECTION, "ArrayDeque", OWN_ARRAY),
            slots("java.util.PriorityQueue", ContainerKind.COLLECTION, "PriorityQueue", OWN_ARRAY),
            slots("java.util.concurrent.ArrayBlockingQueue", ContainerKind.COLLECTION, "ArrayBlockingQueue", OWN_ARRAY),
            slots("java.util.concurrent.PriorityBlockingQueue", ContainerKind.COLLECTION, "PriorityBlockingQueue",
                    OWN_ARRAY),
            slots("java.util.TaskQueue", ContainerKind.COLLECTION, "Timer task queue",
                    List.of(in("java.util.TimerTask[]", ""))),
            nodes("java.util.LinkedList", ContainerKind.COLLECTION, "LinkedList", List.of(in("java.util.LinkedList$Node")),
                    List.of("java.util.LinkedList$Node"), null, "item"),
            nodes("java.util.concurrent.LinkedBlockingQueue", ContainerKind.COLLECTION, "LinkedBlockingQueue",
                    List.of(in("java.util.concurrent.LinkedBlockingQueue$Node")),
                    List.of("java.util.concurrent.LinkedBlockingQueue$Node"), null, "item"),
            nodes("java.util.concurrent.LinkedBlockingDeque", ContainerKind.COLLECTION, "LinkedBlockingDeque",
                    List.of(in("java.util.concurrent.LinkedBlockingDeque$Node")),
                    List.of("java.util.concurrent.LinkedBlockingDeque$Node"), null, "item"),
            nodes("java.util.concurrent.ConcurrentLinkedQueue", ContainerKind.COLLECTION, "ConcurrentLinkedQueue",
                    List.of(in("java.util.concurrent.ConcurrentLinkedQueue$Node")),
                    List.of("java.util.concurrent.ConcurrentLinkedQueue$Node"), null, "item"),
            nodes("java.util.concurrent.ConcurrentLinkedDeque", ContainerKind.COLLECTION, "ConcurrentLinkedDeque",
                    List.of(in("java.util.concurrent.ConcurrentLinkedDeque$Node")),
                    List.of("java.util.concurrent.ConcurrentLinkedDeque$Node"), null, "item"),
            nodes("java.util.concurrent.LinkedTransferQueue", ContainerKind.COLLECTION, "LinkedTransferQueue",
                    List.of(in("java.util.concurrent.LinkedTransferQueue$*")),
                    List.of("java.util.concurrent.LinkedTransferQueue$Node"), null, "item"),
            // Anything else that is a JDK collection or map: its own object arrays
            slots("java.util.AbstractMap", ContainerKind.COLLECTION, "map", OWN_ARRAY),
            slots("java.util.AbstractCollection", ContainerKind.COLLECTION, "collection", OWN_ARRAY),
            slots("java.util.Dictionary", ContainerKind.COLLECTION, "map", OWN_ARRAY));

    /**
     * JDK registries that leak in practice, recognised by a step of the path that holds them.
     *
     * @param pathStep what the holding path contains ({@code java.sql.DriverManager.registeredDrivers})
     * @param words    what the container is in plain words (replaces the type's words)
     * @param fix      what to do about it
     */
    public record Registry(String pathStep, String words, String fix) {
    }

    /** The registries, by the path step that names them. */
    public static final List<Registry> REGISTRIES = List.of(
            new Registry("java.sql.DriverManager.registeredDrivers", "JDBC driver registry (DriverManager)",
                    "call DriverManager.deregisterDriver for the drivers an application registered when it stops"),
            new Registry("java.lang.ApplicationShutdownHooks.hooks", "shutdown hooks (Runtime.addShutdownHook)",
                    "register one hook for the application, or removeShutdownHook when the work is done"),
            new Registry("java.util.logging.Logger$ConfigurationData.handlers", "java.util.logging handlers",
                    "add handlers once at startup; removeHandler and close() those added per task"),
            new Registry("java.util.logging.Logger.handlers", "java.util.logging handlers",
                    "add handlers once at startup; removeHandler and close() those added per task"),
            new Registry("java.util.TimerThread.queue", "Timer task queue",
                    "cancel() tasks that are no longer wanted (a cancelled task stays queued until Timer.purge())"),
            new Registry("java.util.Timer.queue", "Timer task queue",
                    "cancel() tasks that are no longer wanted (a cancelled task stays queued until Timer.purge())"),
            new Registry("com.sun.jmx.mbeanserver.Repository.domainTb", "JMX MBean registry",
                    "unregisterMBean when what the MBean describes goes away"),
            new Registry("java.beans.Introspector", "java.beans Introspector cache",
                    "call Introspector.flushCaches() when an application's classes are unloaded"));

    /** The registry a holding path names, or null. */
    public static Registry registry(String path) {
        for (Registry r : REGISTRIES) {
            if (path.contains(r.pathStep())) {
                return r;
            }
        }
        return null;
    }
}

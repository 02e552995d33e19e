package io.leakscan.analysis;

/** What a container is, for ranking and for the reader of a report. */
public enum ContainerKind {
    /** A map or collection used as a cache (Guava, Caffeine, or held by a field named like a cache). */
    CACHE("cache"),
    /** A list or array of listeners, observers, callbacks or handlers. */
    LISTENERS("listeners"),
    /** A JDK or library collection or map. */
    COLLECTION("collection"),
    /** A plain object array held by a field. */
    ARRAY("array"),
    /** A value held in a thread's ThreadLocal map. */
    THREAD_LOCAL("thread-local"),
    /** A hand-made linked chain of application objects ({@code head = new Node(head)}) behind one holder. */
    CHAIN("chain"),
    /** Class loaders that pile up. */
    CLASS_LOADER("class-loader"),
    /** Instances of one class that grow with no container to blame. */
    CLASS("class");

    private final String label;

    ContainerKind(String label) {
        this.label = label;
    }

    /** The kind as reports and JSON spell it. */
    public String label() {
        return label;
    }
}

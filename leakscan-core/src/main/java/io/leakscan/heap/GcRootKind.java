package io.leakscan.heap;

/**
 * Kinds of GC roots, named as Eclipse MAT names them so that reports compare one to one. Each kind has
 * a bit so that one object's several root records fit in one {@code int} mask.
 */
public enum GcRootKind {
    UNKNOWN("Unknown"),
    SYSTEM_CLASS("System Class"),
    JNI_LOCAL("JNI Local"),
    JNI_GLOBAL("JNI Global"),
    THREAD_BLOCK("Thread Block"),
    BUSY_MONITOR("Busy Monitor"),
    JAVA_LOCAL("Java Local"),
    NATIVE_STACK("Native Stack"),
    THREAD("Thread"),
    FINALIZABLE("Finalizable"),
    UNFINALIZED("Unfinalized"),
    UNREACHABLE("Unreachable"),
    INTERNED_STRING("Interned String"),
    DEBUGGER("Debugger"),
    VM_INTERNAL("VM Internal"),
    JNI_MONITOR("JNI Monitor");

    private final String label;

    GcRootKind(String label) {
        this.label = label;
    }

    /** MAT's name for the kind, e.g. {@code System Class}. */
    public String label() {
        return label;
    }

    public int bit() {
        return 1 << ordinal();
    }

    /** True for the kinds that live on a thread's stack and so belong to a thread. */
    public boolean isThreadLocal() {
        return this == JAVA_LOCAL || this == JNI_LOCAL || this == NATIVE_STACK || this == THREAD_BLOCK
                || this == JNI_MONITOR;
    }
}

package io.leakscan.heap;

/** What an object index stands for. Stored as one byte per object. */
public final class ObjectKind {
    public static final byte INSTANCE = 0;
    public static final byte OBJECT_ARRAY = 1;
    public static final byte PRIMITIVE_ARRAY = 2;
    public static final byte CLASS = 3;
    /** MAT's {@code <system class loader>} pseudo-object at address 0 that every boot class points to. */
    public static final byte SYSTEM_CLASS_LOADER = 4;

    private ObjectKind() {
    }
}

package io.leakscan.heap;

/**
 * What the one byte stored beside every reference means: for an instance, the position of the field in
 * its class's reference-field list ({@link HeapClassTable#referenceFields}); for a class object, the
 * position among its reference statics, or one of the markers below. Array elements carry
 * {@link #ELEMENT}. Lets paths name fields without reading the dump again (1 byte per reference).
 */
public final class EdgeSlot {
    /** An array element (the index is not kept). */
    public static final int ELEMENT = 0;
    /** A reference from a thread object to what its stack frames hold. */
    public static final int THREAD_LOCAL = 0xFB;
    /** A class object's reference to its superclass. */
    public static final int SUPER = 0xFC;
    /** A class object's reference to its class loader. */
    public static final int LOADER = 0xFD;
    /** A field whose position does not fit a byte. */
    public static final int UNKNOWN = 0xFF;
    /** Largest position that is stored as itself. */
    public static final int MAX_POSITION = 0xFA;

    private EdgeSlot() {
    }

    static byte of(int position) {
        return (byte) (position <= MAX_POSITION ? position : UNKNOWN);
    }
}

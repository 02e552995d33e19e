package io.leakscan.hprof;

/**
 * HPROF basic type codes (used in class dumps and primitive array dumps) and their sizes in the file.
 */
public final class HprofType {
    public static final int OBJECT = 2;
    public static final int BOOLEAN = 4;
    public static final int CHAR = 5;
    public static final int FLOAT = 6;
    public static final int DOUBLE = 7;
    public static final int BYTE = 8;
    public static final int SHORT = 9;
    public static final int INT = 10;
    public static final int LONG = 11;

    private static final int[] SIZES = {-1, -1, 0, -1, 1, 2, 4, 8, 1, 2, 4, 8};
    private static final String[] ARRAY_NAMES = {null, null, null, null,
        "boolean[]", "char[]", "float[]", "double[]", "byte[]", "short[]", "int[]", "long[]"};

    private HprofType() {
    }

    /** True for the codes above. */
    public static boolean isValid(int type) {
        return type >= 0 && type < SIZES.length && SIZES[type] >= 0;
    }

    /** Size in bytes of a value of this type in the file; {@code idSize} for OBJECT. */
    public static int fileSize(int type, int idSize) {
        return type == OBJECT ? idSize : SIZES[type];
    }

    /** Java name of the primitive array class with this element type, e.g. {@code int[]}. */
    public static String primitiveArrayName(int type) {
        return ARRAY_NAMES[type];
    }
}

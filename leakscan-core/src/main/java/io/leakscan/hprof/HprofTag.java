package io.leakscan.hprof;

/**
 * Top-level HPROF record tags (the u1 that starts every record), as named in the HPROF format
 * description shipped with the JDK (heapDumper.cpp / hprof_b_spec.h).
 */
public final class HprofTag {
    public static final int UTF8 = 0x01;
    public static final int LOAD_CLASS = 0x02;
    public static final int UNLOAD_CLASS = 0x03;
    public static final int STACK_FRAME = 0x04;
    public static final int STACK_TRACE = 0x05;
    public static final int ALLOC_SITES = 0x06;
    public static final int HEAP_SUMMARY = 0x07;
    public static final int START_THREAD = 0x0A;
    public static final int END_THREAD = 0x0B;
    public static final int HEAP_DUMP = 0x0C;
    public static final int CPU_SAMPLES = 0x0D;
    public static final int CONTROL_SETTINGS = 0x0E;
    public static final int HEAP_DUMP_SEGMENT = 0x1C;
    public static final int HEAP_DUMP_END = 0x2C;

    private HprofTag() {
    }

    /** True for every tag HotSpot or the old hprof agent writes; others are skipped by length. */
    public static boolean isKnown(int tag) {
        return (tag >= UTF8 && tag <= HEAP_SUMMARY) || (tag >= START_THREAD && tag <= CONTROL_SETTINGS)
                || tag == HEAP_DUMP_SEGMENT || tag == HEAP_DUMP_END;
    }
}

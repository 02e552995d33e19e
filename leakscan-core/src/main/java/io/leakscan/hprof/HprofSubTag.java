package io.leakscan.hprof;

/**
 * Sub-record tags inside HEAP DUMP and HEAP DUMP SEGMENT records: GC roots and object dumps.
 * Includes the Android extensions so that such dumps are read rather than rejected.
 */
public final class HprofSubTag {
    public static final int ROOT_UNKNOWN = 0xFF;
    public static final int ROOT_JNI_GLOBAL = 0x01;
    public static final int ROOT_JNI_LOCAL = 0x02;
    public static final int ROOT_JAVA_FRAME = 0x03;
    public static final int ROOT_NATIVE_STACK = 0x04;
    public static final int ROOT_STICKY_CLASS = 0x05;
    public static final int ROOT_THREAD_BLOCK = 0x06;
    public static final int ROOT_MONITOR_USED = 0x07;
    public static final int ROOT_THREAD_OBJECT = 0x08;
    public static final int CLASS_DUMP = 0x20;
    public static final int INSTANCE_DUMP = 0x21;
    public static final int OBJECT_ARRAY_DUMP = 0x22;
    public static final int PRIMITIVE_ARRAY_DUMP = 0x23;
    // Android extensions.
    public static final int ROOT_INTERNED_STRING = 0x89;
    public static final int ROOT_FINALIZING = 0x8A;
    public static final int ROOT_DEBUGGER = 0x8B;
    public static final int ROOT_REFERENCE_CLEANUP = 0x8C;
    public static final int ROOT_VM_INTERNAL = 0x8D;
    public static final int ROOT_JNI_MONITOR = 0x8E;
    public static final int ROOT_UNREACHABLE = 0x90;
    public static final int PRIMITIVE_ARRAY_NODATA = 0xC3;
    public static final int HEAP_DUMP_INFO = 0xFE;

    private HprofSubTag() {
    }
}

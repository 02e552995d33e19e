package io.leakscan.testutil;

/**
 * Hand-built dumps with known answers. {@link #linkedNodes()}: a Node[] held by a JNI global root holds
 * two Nodes; node1.next = node2, each Node holds a byte[] payload; one more Node is unreachable.
 * 64-bit ids, no compressed oops, 8-byte alignment, so: Node = 16 + 2·8 = 32 bytes, byte[100] = 128,
 * byte[50] = 80, Node[2] = 48.
 */
public final class TinyDumps {
    public static final long OBJECT = 0x100;
    public static final long CLASS = 0x110;
    public static final long LOADER = 0x120;
    public static final long NODE = 0x130;
    public static final long BYTES = 0x140;
    public static final long NODE_ARRAY = 0x150;
    public static final long NODE1 = 0x1000;
    public static final long NODE2 = 0x1020;
    public static final long ORPHAN = 0x1040;
    public static final long PAYLOAD1 = 0x2000;
    public static final long PAYLOAD2 = 0x2100;
    public static final long ARRAY = 0x3000;

    private TinyDumps() {
    }

    public static HprofWriter linkedNodes() {
        HprofWriter w = new HprofWriter(8);
        w.loadClass(1, OBJECT, "java/lang/Object")
                .loadClass(2, CLASS, "java/lang/Class")
                .loadClass(3, LOADER, "java/lang/ClassLoader")
                .loadClass(4, NODE, "com/acme/Node")
                .loadClass(5, BYTES, "[B")
                .loadClass(6, NODE_ARRAY, "[Lcom/acme/Node;")
                .utf8(0x900, "next")
                .utf8(0x901, "payload");
        w.startHeapDump()
                .classDump(OBJECT, 0, 0, new long[0], new long[0])
                .classDump(CLASS, OBJECT, 0, new long[0], new long[0])
                .classDump(LOADER, OBJECT, 0, new long[0], new long[0])
                .classDump(NODE, OBJECT, 16, new long[0], new long[] {0x900, HprofWriter.OBJECT, 0x901, HprofWriter.OBJECT})
                .classDump(BYTES, OBJECT, 0, new long[0], new long[0])
                .classDump(NODE_ARRAY, OBJECT, 0, new long[0], new long[0]);
        for (long c : new long[] {OBJECT, CLASS, LOADER, NODE, BYTES, NODE_ARRAY}) {
            w.rootStickyClass(c);
        }
        w.rootJniGlobal(ARRAY)
                .objectArray(ARRAY, NODE_ARRAY, NODE1, NODE2)
                .instance(NODE1, NODE, NODE2, PAYLOAD1)
                .instance(NODE2, NODE, 0, PAYLOAD2)
                .instance(ORPHAN, NODE, 0, 0)
                .byteArray(PAYLOAD1, 100)
                .byteArray(PAYLOAD2, 50)
                .endHeapDump();
        return w;
    }
}

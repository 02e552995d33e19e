package io.leakscan.report;

import io.leakscan.analysis.FieldValues;
import io.leakscan.analysis.ObjectInspector;
import io.leakscan.heap.HeapObjectReader.ObjectData;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.heap.ObjectKind;
import io.leakscan.hprof.HprofType;
import java.util.Set;

/**
 * How a value reads in a report: primitives as Java prints them, Strings and boxed numbers as their
 * value, arrays as their class, length and first elements, other objects as {@code class @ 0xaddress}.
 * Uses only what the {@link ObjectInspector} has loaded (an object not loaded is shown by its class and
 * address). Stateless apart from the inspector it reads.
 */
public final class ValueText {
    /** Longest string shown, in characters. */
    public static final int MAX_CHARS = 200;
    /** Array elements shown in a summary. */
    public static final int ELEMENTS = 8;

    private static final Set<String> BOXES = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
            "java.lang.Byte", "java.lang.Character", "java.lang.Boolean", "java.lang.Float", "java.lang.Double");

    private final HeapSnapshot snapshot;
    private final ObjectInspector inspector;

    public ValueText(HeapSnapshot snapshot, ObjectInspector inspector) {
        this.snapshot = snapshot;
        this.inspector = inspector;
    }

    /** True for the wrapper classes of the primitive types. */
    public static boolean isBox(String className) {
        return BOXES.contains(className);
    }

    /** A field's value. */
    public String field(FieldValues.Field f) {
        if (f.type() != HprofType.OBJECT) {
            return primitive(f.type(), f.bits());
        }
        if (f.bits() == 0) {
            return "null";
        }
        if (f.target() < 0) {
            return "0x" + Long.toHexString(f.bits()) + " (not in the dump)";
        }
        return object(f.target());
    }

    /** An object as a value. */
    public String object(int o) {
        String cls = snapshot.classes().name(snapshot.classIndexOf(o));
        switch (snapshot.kind(o)) {
            case ObjectKind.INSTANCE: {
                if (cls.equals("java.lang.String")) {
                    String text = stringText(o);
                    if (text != null) {
                        return quote(text) + " (" + snapshot.describe(o) + ")";
                    }
                } else if (isBox(cls)) {
                    FieldValues.Field v = FieldValues.named(snapshot, inspector, o, "value");
                    if (v != null) {
                        return primitive(v.type(), v.bits()) + " (" + snapshot.describe(o) + ")";
                    }
                }
                return snapshot.describe(o);
            }
            case ObjectKind.PRIMITIVE_ARRAY:
                return snapshot.describe(o) + primitiveElements(o);
            case ObjectKind.OBJECT_ARRAY:
                return snapshot.describe(o) + objectElements(o);
            default:
                return snapshot.describe(o);
        }
    }

    private String primitiveElements(int o) {
        ObjectData d = inspector.data(o);
        if (d == null || d.bytes() == null) {
            return "";
        }
        int type = d.primitiveType();
        int size = HprofType.fileSize(type, snapshot.info().idSize());
        int available = d.bytes().length / size;
        if (type == HprofType.CHAR) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(available, MAX_CHARS); i++) {
                sb.append((char) FieldValues.bigEndian(d.bytes(), i * size, size, false));
            }
            return " " + quote(sb.toString()) + (d.length() > MAX_CHARS ? "…" : "");
        }
        StringBuilder sb = new StringBuilder(" {");
        int shown = Math.min(available, ELEMENTS);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(primitive(type, FieldValues.bigEndian(d.bytes(), i * size, size, true)));
        }
        return sb.append(d.length() > shown ? (shown > 0 ? ", …}" : "…}") : "}").toString();
    }

    private String objectElements(int o) {
        ObjectData d = inspector.data(o);
        if (d == null || d.elements() == null) {
            return "";
        }
        long[] e = d.elements();
        StringBuilder sb = new StringBuilder(" {");
        int shown = Math.min(e.length, ELEMENTS);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ");
            int t = e[i] == 0 ? -1 : snapshot.indexOf(e[i]);
            sb.append(e[i] == 0 ? "null" : t < 0 ? "0x" + Long.toHexString(e[i]) : shortValue(t));
        }
        return sb.append(e.length > shown ? ", …}" : "}").toString();
    }

    /** Inside an array summary: strings and boxes by value, anything else by class and address. */
    private String shortValue(int o) {
        String cls = snapshot.classes().name(snapshot.classIndexOf(o));
        if (snapshot.kind(o) == ObjectKind.INSTANCE && cls.equals("java.lang.String")) {
            String text = stringText(o);
            if (text != null) {
                return quote(text);
            }
        }
        if (snapshot.kind(o) == ObjectKind.INSTANCE && isBox(cls)) {
            FieldValues.Field v = FieldValues.named(snapshot, inspector, o, "value");
            if (v != null) {
                return primitive(v.type(), v.bits());
            }
        }
        return snapshot.describe(o);
    }

    /**
     * A String's text; for the JDKs before 7u6, whose Strings may share a {@code char[]} and carry an
     * {@code offset} and {@code count}, only their own part of it.
     */
    public String stringText(int o) {
        String text = inspector.stringValue(o);
        Long offset = inspector.primitiveField(o, "offset");
        Long count = inspector.primitiveField(o, "count");
        if (text != null && offset != null && count != null && offset >= 0 && count >= 0
                && offset + count <= text.length()) {
            return text.substring((int) (long) offset, (int) (offset + count));
        }
        return text;
    }

    /** A primitive value of an HPROF type from its raw bits, as Java prints it. */
    public static String primitive(int type, long bits) {
        switch (type) {
            case HprofType.BOOLEAN:
                return bits != 0 ? "true" : "false";
            case HprofType.CHAR:
                return quoteChar((char) bits);
            case HprofType.FLOAT:
                return Float.toString(Float.intBitsToFloat((int) bits));
            case HprofType.DOUBLE:
                return Double.toString(Double.longBitsToDouble(bits));
            default:
                return Long.toString(bits);
        }
    }

    private static String quoteChar(char c) {
        return "'" + (c < 0x20 || c == '\'' || c == '\\' ? String.format("\\u%04x", (int) c) : String.valueOf(c)) + "'";
    }

    /** Java-style quoted text, control characters escaped, cut at {@link #MAX_CHARS}. */
    public static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(text.length(), MAX_CHARS);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
        if (text.length() > MAX_CHARS) {
            sb.append("…");
        }
        return sb.toString();
    }
}

package io.leakscan.heap;

import java.util.List;

/**
 * Every class of a snapshot by class index {@code 0..count-1}: name, class object, superclass, loader,
 * field layout and the instance size MAT's rules give. Small (one entry per class, not per object).
 * Immutable; thread-safe.
 */
public final class HeapClassTable {
    private final String[] names;
    private final int[] classObjectIndex;
    private final int[] superClassIndex;
    private final int[] loaderObjectIndex;
    private final long[] instanceBytes;
    private final String[][] fieldNames;
    private final byte[][] fieldTypes;
    private final String[][] staticNames;
    private final byte[][] staticTypes;
    private final long[][] staticValues;
    /** Lazily filled cache; benign races only (same value computed twice). */
    private final String[][] refFieldNames;
    private final int idSize;
    private final int javaLangClass;

    HeapClassTable(List<ClassRecord> classes, int[] classObjectIndex, int[] superClassIndex,
            int[] loaderObjectIndex, String[][] fieldNames, String[][] staticNames, int javaLangClass, int idSize) {
        int n = classes.size();
        this.idSize = idSize;
        this.staticValues = new long[n][];
        this.refFieldNames = new String[n][];
        this.names = new String[n];
        this.instanceBytes = new long[n];
        this.fieldTypes = new byte[n][];
        this.staticTypes = new byte[n][];
        for (int i = 0; i < n; i++) {
            ClassRecord c = classes.get(i);
            names[i] = c.name;
            instanceBytes[i] = c.instanceBytes;
            fieldTypes[i] = c.fieldTypes;
            staticTypes[i] = c.staticTypes;
            staticValues[i] = c.staticValues;
        }
        this.classObjectIndex = classObjectIndex;
        this.superClassIndex = superClassIndex;
        this.loaderObjectIndex = loaderObjectIndex;
        this.fieldNames = fieldNames;
        this.staticNames = staticNames;
        this.javaLangClass = javaLangClass;
    }

    public int count() {
        return names.length;
    }

    /** Java name, e.g. {@code java.util.HashMap$Node[]}. */
    public String name(int classIndex) {
        return names[classIndex];
    }

    /** Object index of the class object. */
    public int classObject(int classIndex) {
        return classObjectIndex[classIndex];
    }

    /** The array of class object indices by class index (shared, do not modify). */
    public int[] classObjects() {
        return classObjectIndex;
    }

    /** Class index of the superclass, or -1 for java.lang.Object and interfaces' roots. */
    public int superClass(int classIndex) {
        return superClassIndex[classIndex];
    }

    /** Object index of the defining loader (the {@code <system class loader>} pseudo-object for boot classes). */
    public int loaderObject(int classIndex) {
        return loaderObjectIndex[classIndex];
    }

    /** Shallow bytes of one instance (MAT's rules); for array classes, the reference size. */
    public long instanceBytes(int classIndex) {
        return instanceBytes[classIndex];
    }

    /** This class's own instance field names, in dump order (superclass fields not included). */
    public String[] fieldNames(int classIndex) {
        return fieldNames[classIndex].clone();
    }

    /** This class's own instance field types ({@link io.leakscan.hprof.HprofType} codes). */
    public byte[] fieldTypes(int classIndex) {
        return fieldTypes[classIndex].clone();
    }

    /** Static field names, in dump order. */
    public String[] staticNames(int classIndex) {
        return staticNames[classIndex].clone();
    }

    /** Static field types. */
    public byte[] staticTypes(int classIndex) {
        return staticTypes[classIndex].clone();
    }

    /** Static field values (object ids for references, raw bits for primitives), in dump order. */
    public long[] staticValues(int classIndex) {
        return staticValues[classIndex].clone();
    }

    /**
     * The instance field layout over the whole hierarchy as the dump stores it: this class's own fields
     * first, then its superclass's, and so on. Offsets are into an INSTANCE DUMP's field bytes.
     */
    public FieldLayout layout(int classIndex) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        java.util.ArrayList<String> declaring = new java.util.ArrayList<>();
        io.leakscan.util.IntArrayList types = new io.leakscan.util.IntArrayList(8);
        io.leakscan.util.IntArrayList offsets = new io.leakscan.util.IntArrayList(8);
        int offset = 0;
        int guard = 0;
        for (int c = classIndex; c >= 0 && guard++ < 10_000; c = superClassIndex[c]) {
            for (int i = 0; i < fieldTypes[c].length; i++) {
                names.add(fieldNames[c][i]);
                declaring.add(this.names[c]);
                types.add(fieldTypes[c][i]);
                offsets.add(offset);
                offset += io.leakscan.hprof.HprofType.fileSize(fieldTypes[c][i], idSize);
            }
        }
        return new FieldLayout(names.toArray(new String[0]), declaring.toArray(new String[0]), types.toArray(),
                offsets.toArray(), offset);
    }

    /** Identifier size of the dump (4 or 8), the size of a reference in field bytes. */
    public int idSize() {
        return idSize;
    }

    /** True when {@code classIndex} is {@code ancestorIndex} or inherits from it. */
    public boolean isSubclassOf(int classIndex, int ancestorIndex) {
        int guard = 0;
        for (int c = classIndex; c >= 0 && guard++ < 10_000; c = superClassIndex[c]) {
            if (c == ancestorIndex) {
                return true;
            }
        }
        return false;
    }

    /** Names of the reference fields over the whole hierarchy, in layout order (own fields first). */
    public String[] referenceFieldNames(int classIndex) {
        String[] cached = refFieldNames[classIndex];
        if (cached == null) {
            FieldLayout l = layout(classIndex);
            java.util.List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < l.types().length; i++) {
                if (l.types()[i] == io.leakscan.hprof.HprofType.OBJECT) {
                    names.add(l.names()[i]);
                }
            }
            cached = names.toArray(new String[0]);
            refFieldNames[classIndex] = cached;
        }
        return cached;
    }

    /** Names of the reference statics, in dump order. */
    public String[] referenceStaticNames(int classIndex) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < staticTypes[classIndex].length; i++) {
            if (staticTypes[classIndex][i] == io.leakscan.hprof.HprofType.OBJECT) {
                names.add(staticNames[classIndex][i]);
            }
        }
        return names.toArray(new String[0]);
    }

    /** Class index of {@code java.lang.Class}. */
    public int javaLangClass() {
        return javaLangClass;
    }

    /** True when the class name ends in {@code []}. */
    public boolean isArray(int classIndex) {
        return names[classIndex].endsWith("[]");
    }

    /** Class index of the first class with this name, or -1. Linear scan: for reports, not hot loops. */
    public int find(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}

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
    private final int javaLangClass;

    HeapClassTable(List<ClassRecord> classes, int[] classObjectIndex, int[] superClassIndex,
            int[] loaderObjectIndex, String[][] fieldNames, String[][] staticNames, int javaLangClass) {
        int n = classes.size();
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

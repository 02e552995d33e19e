package io.leakscan.heap;

/**
 * Instance fields of a class over its whole hierarchy, in the order the dump stores their values.
 *
 * @param names          field names
 * @param declaringClass name of the class that declares each field
 * @param types          {@link io.leakscan.hprof.HprofType} codes
 * @param offsets        byte offsets into the instance's field bytes
 * @param totalBytes     length of the instance's field bytes in the dump
 */
public record FieldLayout(String[] names, String[] declaringClass, int[] types, int[] offsets, int totalBytes) {
    /** Position of the first field with this name, or -1. */
    public int find(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}

package io.leakscan.heap;

/** Converts JVM class names from LOAD CLASS records to the names Java developers (and MAT) write. */
final class ClassNames {
    private ClassNames() {
    }

    /** {@code java/lang/String} → {@code java.lang.String}; {@code [[I} → {@code int[][]}; {@code [Lfoo;} → {@code foo[]}. */
    static String toJava(String jvmName) {
        if (jvmName.isEmpty() || jvmName.charAt(0) != '[') {
            return jvmName.replace('/', '.');
        }
        int dims = 0;
        while (dims < jvmName.length() && jvmName.charAt(dims) == '[') {
            dims++;
        }
        String element;
        if (dims >= jvmName.length()) {
            element = "unknown";
        } else {
            switch (jvmName.charAt(dims)) {
                case 'Z': element = "boolean"; break;
                case 'B': element = "byte"; break;
                case 'C': element = "char"; break;
                case 'S': element = "short"; break;
                case 'I': element = "int"; break;
                case 'J': element = "long"; break;
                case 'F': element = "float"; break;
                case 'D': element = "double"; break;
                case 'L': {
                    int end = jvmName.endsWith(";") ? jvmName.length() - 1 : jvmName.length();
                    element = jvmName.substring(dims + 1, end).replace('/', '.');
                    break;
                }
                default: element = "unknown";
            }
        }
        return element + "[]".repeat(dims);
    }
}

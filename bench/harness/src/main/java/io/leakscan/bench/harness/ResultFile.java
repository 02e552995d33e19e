package io.leakscan.bench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The common result format every engine of the benchmark writes, so that {@link Compare} can put them side
 * by side. Tab-separated, one record a line, the first column saying what the line is:
 *
 * <pre>
 * # leakscan-bench-result 1
 * meta   KEY         VALUE                                   e.g. engine, dump, objects, seconds.retained
 * class  NAME        INSTANCES  SHALLOW  RETAINED             RETAINED is "-" where the engine has no per-class value
 * top    RANK        ADDRESS    CLASS    SHALLOW   RETAINED  TOPLEVEL   the biggest objects by retained size
 * obj    ADDRESS     CLASS      SHALLOW  RETAINED  TOPLEVEL             objects asked for by address (--objects)
 * root   ADDRESS     CLASS      RETAINED                                 every top-level dominator, where the engine says
 * </pre>
 *
 * Class names are in Java source form ({@code java.lang.String}, {@code byte[]}, {@code java.lang.Object[][]});
 * addresses are {@code 0x} and lower-case hex; sizes are bytes. TOPLEVEL is {@code yes} when the engine's
 * dominator tree has the object directly under its root (dominated by the GC roots alone), {@code no} when
 * not, {@code -} when the engine does not say. Rows of classes of the same name (several loaders) are summed.
 */
final class ResultFile {
    static final String HEADER = "# leakscan-bench-result 1";
    static final String NONE = "-";

    /** Per-class row: instances, shallow bytes and, when the engine computes it, retained bytes (else -1). */
    static final class ClassRow {
        long instances;
        long shallow;
        long retained = -1;

        void add(long n, long bytes) {
            instances += n;
            shallow += bytes;
        }

        void addRetained(long bytes) {
            retained = retained < 0 ? bytes : retained + bytes;
        }
    }

    /** One object: its class, shallow and retained size, and whether it is a top-level dominator. */
    record ObjectRow(long address, String className, long shallow, long retained, String topLevel) {
    }

    final Map<String, String> meta = new LinkedHashMap<>();
    final Map<String, ClassRow> classes = new TreeMap<>();
    final List<ObjectRow> top = new ArrayList<>();
    final Map<Long, ObjectRow> objects = new LinkedHashMap<>();
    final Map<Long, ObjectRow> roots = new LinkedHashMap<>();

    ClassRow row(String className) {
        return classes.computeIfAbsent(normalizeClassName(className), k -> new ClassRow());
    }

    void meta(String key, Object value) {
        meta.put(key, String.valueOf(value));
    }

    void write(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8))) {
            out.println(HEADER);
            meta.forEach((k, v) -> out.println("meta\t" + k + "\t" + v));
            classes.forEach((name, r) -> out.println("class\t" + name + "\t" + r.instances + "\t" + r.shallow + "\t"
                    + (r.retained < 0 ? NONE : Long.toString(r.retained))));
            for (int i = 0; i < top.size(); i++) {
                ObjectRow o = top.get(i);
                out.println("top\t" + (i + 1) + "\t" + hex(o.address()) + "\t" + o.className() + "\t" + o.shallow()
                        + "\t" + o.retained() + "\t" + o.topLevel());
            }
            objects.values().forEach(o -> out.println("obj\t" + hex(o.address()) + "\t" + o.className() + "\t"
                    + o.shallow() + "\t" + o.retained() + "\t" + o.topLevel()));
            roots.values().forEach(o -> out.println("root\t" + hex(o.address()) + "\t" + o.className() + "\t"
                    + o.retained()));
        }
    }

    static ResultFile read(Path path) throws IOException {
        ResultFile r = new ResultFile();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (!HEADER.equals(line)) {
                throw new IOException(path + ": not a benchmark result file (first line " + line + ")");
            }
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "meta" -> r.meta.put(f[1], f[2]);
                    case "class" -> {
                        ClassRow c = r.row(f[1]);
                        c.add(Long.parseLong(f[2]), Long.parseLong(f[3]));
                        if (!NONE.equals(f[4])) {
                            c.addRetained(Long.parseLong(f[4]));
                        }
                    }
                    case "top" -> r.top.add(new ObjectRow(parseHex(f[2]), f[3], Long.parseLong(f[4]),
                            Long.parseLong(f[5]), f[6]));
                    case "obj" -> {
                        ObjectRow o = new ObjectRow(parseHex(f[1]), f[2], Long.parseLong(f[3]), Long.parseLong(f[4]), f[5]);
                        r.objects.put(o.address(), o);
                    }
                    case "root" -> {
                        ObjectRow o = new ObjectRow(parseHex(f[1]), f[2], 0, Long.parseLong(f[3]), "yes");
                        r.roots.put(o.address(), o);
                    }
                    default -> {
                        // comments and future record kinds
                    }
                }
            }
        }
        return r;
    }

    static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    static long parseHex(String s) {
        String t = s.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        return Long.parseUnsignedLong(t, 16);
    }

    /** Addresses of objects to report individually, one a line (hex, with or without 0x); none if path is null. */
    static List<Long> readAddresses(Path path) throws IOException {
        List<Long> ids = new ArrayList<>();
        if (path == null) {
            return ids;
        }
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            String t = line.trim();
            if (!t.isEmpty() && !t.startsWith("#")) {
                ids.add(parseHex(t.split("\\s+")[0]));
            }
        }
        return ids;
    }

    /**
     * Java source form of a class name, whatever form the engine gives: {@code java/lang/String} and
     * {@code java.lang.String} become {@code java.lang.String}; descriptors such as {@code [B},
     * {@code [[Ljava/lang/Object;} become {@code byte[]}, {@code java.lang.Object[][]}.
     */
    static String normalizeClassName(String name) {
        if (name == null) {
            return "<unknown>";
        }
        String n = name.replace('/', '.');
        if (!n.startsWith("[")) {
            return n;
        }
        int dims = 0;
        while (dims < n.length() && n.charAt(dims) == '[') {
            dims++;
        }
        String rest = n.substring(dims);
        String element = switch (rest) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> rest.startsWith("L") && rest.endsWith(";") ? rest.substring(1, rest.length() - 1) : rest;
        };
        return element + "[]".repeat(dims);
    }

    /** Seconds since {@code startNanos}, three decimals. */
    static String secondsSince(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", (System.nanoTime() - startNanos) / 1e9);
    }

    /** Parsed command line shared by the engines: DUMP OUT [--objects FILE] [--top N]. */
    record Args(Path dump, Path out, Path objects, int top) {
        static Args parse(String program, String[] args) {
            Path dump = null;
            Path out = null;
            Path objects = null;
            int top = 20;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--objects" -> objects = Path.of(args[++i]);
                    case "--top" -> top = Integer.parseInt(args[++i]);
                    default -> {
                        if (dump == null) {
                            dump = Path.of(args[i]);
                        } else if (out == null) {
                            out = Path.of(args[i]);
                        } else {
                            usage(program);
                        }
                    }
                }
            }
            if (dump == null || out == null) {
                usage(program);
            }
            return new Args(dump, out, objects, top);
        }

        private static void usage(String program) {
            System.err.println("usage: " + program + " DUMP.hprof OUT.tsv [--objects ADDRESSES.txt] [--top N]");
            System.exit(2);
        }
    }

    private ResultFile() {
    }

    static ResultFile create(String engine, Path dump) {
        ResultFile r = new ResultFile();
        r.meta("engine", engine);
        r.meta("dump", dump);
        r.meta("java", System.getProperty("java.version"));
        r.meta("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20);
        return r;
    }
}

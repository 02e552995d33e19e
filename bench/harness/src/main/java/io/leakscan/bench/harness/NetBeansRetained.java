package io.leakscan.bench.harness;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.netbeans.lib.profiler.heap.Heap;
import org.netbeans.lib.profiler.heap.HeapFactory;
import org.netbeans.lib.profiler.heap.HeapSummary;
import org.netbeans.lib.profiler.heap.Instance;
import org.netbeans.lib.profiler.heap.JavaClass;

/**
 * VisualVM's heap engine (the NetBeans profiler library, {@code org.netbeans.lib.profiler.heap}) computing
 * what leakscan computes: the whole dominator tree with the retained size of every object, and the retained
 * size per class. Usage: {@code NetBeansRetained DUMP OUT.tsv [--objects ADDRESSES] [--top N]}.
 *
 * <p>{@link Heap#getBiggestObjectsByRetainedSize(int)} runs the library's {@code computeRetainedSize()}:
 * nearest-GC-root search, the dominator tree of the whole heap and the retained size of every instance and
 * array (it walks every object of the dump; the biggest are then picked from the full table). Then
 * {@link JavaClass#getRetainedSizeByClass()} runs {@code computeRetainedSizeByClass()}, one more pass over
 * every object (VisualVM's "retained sizes by class"). The library keeps its work in a {@code DUMP.nbcache}
 * directory beside the dump and reuses it on the next open, which would turn a second run into a cache
 * read: this program deletes that directory before (a cold run) and after.
 */
public final class NetBeansRetained {
    /**
     * {@code -Dnetbeans.readAll=true}: after the computation, also iterate every instance and read its
     * retained size one by one ({@code Instance.getRetainedSize()}), the way a caller that walks the heap
     * would; off by default (the computation itself is what the benchmark compares).
     */
    static final boolean READ_ALL = Boolean.getBoolean("netbeans.readAll");

    private NetBeansRetained() {
    }

    public static void main(String[] argv) throws Exception {
        ResultFile.Args args = ResultFile.Args.parse("NetBeansRetained", argv);
        // RELEASE250 names it DUMP.nbcache, older releases DUMP.hwcache
        Path cache = args.dump().resolveSibling(args.dump().getFileName() + ".nbcache");
        Path oldCache = args.dump().resolveSibling(args.dump().getFileName() + ".hwcache");
        deleteTree(cache);
        deleteTree(oldCache);
        try {
            run(args);
        } finally {
            deleteTree(cache);
            deleteTree(oldCache);
        }
    }

    private static void run(ResultFile.Args args) throws IOException {
        ResultFile result = ResultFile.create("netbeans", args.dump());
        result.meta("version", "org-netbeans-lib-profiler " + Versions.of(Heap.class));
        long t0 = System.nanoTime();

        Heap heap = HeapFactory.createHeap(args.dump().toFile());
        @SuppressWarnings("unchecked")
        List<JavaClass> classes = heap.getAllClasses();
        result.meta("seconds.open", ResultFile.secondsSince(t0));
        log("opened: " + classes.size() + " classes, " + result.meta.get("seconds.open") + " s");

        long t1 = System.nanoTime();
        // Computes the retained size of every object (the library's computeRetainedSize), then picks the biggest.
        @SuppressWarnings("unchecked")
        List<Instance> biggest = heap.getBiggestObjectsByRetainedSize(args.top());
        result.meta("seconds.retained", ResultFile.secondsSince(t1));
        log("retained sizes of all objects: " + result.meta.get("seconds.retained") + " s");

        if (READ_ALL) {
            // What a caller without getBiggestObjectsByRetainedSize would do: ask every instance for its size.
            long tr = System.nanoTime();
            long n = 0;
            long withRetained = 0;
            java.util.Map<String, Long> zero = new java.util.TreeMap<>();
            for (Iterator<?> it = heap.getAllInstancesIterator(); it.hasNext(); ) {
                Instance i = (Instance) it.next();
                n++;
                if (i.getRetainedSize() > 0) {
                    withRetained++;
                } else {
                    zero.merge(i.getJavaClass().getName(), 1L, Long::sum);
                }
            }
            result.meta("seconds.readAll", ResultFile.secondsSince(tr));
            result.meta("readAll.instances", n);
            result.meta("readAll.withRetainedSize", withRetained);
            // the objects the library left without a retained size (not reached from its GC roots), by class
            result.meta("readAll.zeroRetainedByClass", zero.entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(" ")));
            log("read the retained size of each of " + n + " instances (" + withRetained + " non-zero): "
                    + result.meta.get("seconds.readAll") + " s");
        }

        long t2 = System.nanoTime();
        long instances = 0;
        long bytes = 0;
        for (JavaClass c : classes) {
            ResultFile.ClassRow row = result.row(c.getName());
            row.add(c.getInstancesCount(), c.getAllInstancesSize());
            row.addRetained(c.getRetainedSizeByClass()); // the first call computes them all
            instances += c.getInstancesCount();
            bytes += c.getAllInstancesSize();
        }
        result.meta("seconds.retainedByClass", ResultFile.secondsSince(t2));
        log("retained sizes by class: " + result.meta.get("seconds.retainedByClass") + " s");

        HeapSummary summary = heap.getSummary();
        result.meta("objects", instances);
        result.meta("bytes", bytes);
        result.meta("summary.liveInstances", summary.getTotalLiveInstances());
        result.meta("summary.liveBytes", summary.getTotalLiveBytes());
        result.meta("classes", classes.size());
        result.meta("gcRoots", heap.getGCRoots().size());

        for (Instance i : biggest) {
            result.top.add(row(i));
        }
        for (long id : ResultFile.readAddresses(args.objects())) {
            Instance i = heap.getInstanceByID(id);
            if (i != null) {
                result.objects.put(id, row(i));
            } else {
                JavaClass c = heap.getJavaClassByID(id);
                result.objects.put(id, c == null
                        ? new ResultFile.ObjectRow(id, "<absent>", 0, 0, ResultFile.NONE)
                        : new ResultFile.ObjectRow(id, "java.lang.Class", 0, 0, ResultFile.NONE));
            }
        }
        result.meta("seconds.total", ResultFile.secondsSince(t0));
        result.write(args.out());
        log("done in " + result.meta.get("seconds.total") + " s: " + instances + " objects in the dump, top "
                + (biggest.isEmpty() ? "-" : biggest.get(0).getJavaClass().getName() + " retains "
                + biggest.get(0).getRetainedSize()));
    }

    private static ResultFile.ObjectRow row(Instance i) {
        String name = i.getJavaClass() == null ? "<unknown>" : ResultFile.normalizeClassName(i.getJavaClass().getName());
        return new ResultFile.ObjectRow(i.getInstanceId(), name, i.getSize(), i.getRetainedSize(), ResultFile.NONE);
    }

    static void log(String message) {
        System.err.println("netbeans: " + message);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                new File(p.toString()).delete();
            }
        }
    }
}

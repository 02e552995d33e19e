package io.leakscan.analysis;

import io.leakscan.heap.HeapGraph;
import io.leakscan.util.StepTimes;
import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Exact retained size of each class as MAT's histogram shows it: the retained set of the class object
 * together with all its instances — what would be freed if all of them went away at once. That is
 * more than the sum of the instances' own retained sizes whenever they share objects (two Strings
 * sharing one char[]), so it cannot be read off the dominator tree alone.
 *
 * <p>How, per class (its set S of members):
 * <ol>
 * <li>The part dominated by S is read off the dominator tree: the subtrees of the members no other
 * member dominates ("tops"); its size is the sum of their retained sizes.</li>
 * <li>Any other object S retains has every path from the GC roots through S, so in particular its
 * breadth-first path passes a member s. Below s that path must leave s's dominator subtree, which
 * happens only at an "inconsistent" object, one whose breadth-first parent is not its immediate
 * dominator. Such objects are few (2% of the generated server heaps, 12% of an H2 database), collected once, in
 * breadth-first order. So the only candidates are the breadth-first subtrees of the inconsistent
 * objects that lie below a member and outside the dominated part.</li>
 * <li>A greatest fixpoint over those candidates decides which of them only S holds: a candidate stays
 * held while each of its referrers is dominated by S or is itself a candidate still held. Everything
 * else is reachable without S (its breadth-first path avoids S, or never leaves a member's
 * dominator subtree), so the result is exact.</li>
 * </ol>
 * Cost: O(|S|) per class (the members come sorted in both Euler orders) plus the candidates and their
 * edges. In all that is usually a small fraction of the heap, but a class whose few members sit near
 * the roots of a densely shared structure can have millions of candidates (about 3 M for each of some
 * 15 classes of an H2 database: docs/benchmarks.md). Memory: the members in two orders (8 bytes per
 * object), marks (4 bytes per object per thread; a second thread only when the heap has room), and the
 * predecessor lists.
 *
 * <p>Stateless; thread-safe.
 */
public final class ClassRetainedSizes {
    private ClassRetainedSizes() {
    }

    /**
     * Retained bytes of every class (class object + reachable instances), by class index. Builds what it
     * needs from the graph and the dominator tree.
     */
    public static long[] compute(HeapGraph g, DominatorTree tree, DominatorChildren dom, ShortestPaths bfs,
            RetainedSizes retained, IntToLongFunction shallow) {
        java.util.BitSet isRoot = new java.util.BitSet(g.objectCount());
        for (int r : g.rootObjects()) {
            isRoot.set(r);
        }
        return compute(g, tree, dom, bfs, retained, shallow, isRoot);
    }

    /** As above, with the GC-root flags by object index that the caller already has (shared, not modified). */
    static long[] compute(HeapGraph g, DominatorTree tree, DominatorChildren dom, ShortestPaths bfs,
            RetainedSizes retained, IntToLongFunction shallow, java.util.BitSet isRoot) {
        long t = System.nanoTime();
        int n = g.objectCount();
        int classes = g.classObjectIndex().length;
        int[] classOf = g.classIndexOf();
        ClassObjects classOfClassObject = new ClassObjects(g);
        // Members of each class (class object + instances) twice, as CSR lists sharing one set of offsets:
        // by dominator Euler entry number and by breadth-first Euler entry number. Filling them by walking
        // each Euler order makes every list sorted for free and its reads sequential, where gathering and
        // sorting the numbers per class cost random accesses and an n·log n sort.
        int[] memberStart = new int[classes + 1];
        int[] domByEntry = dom.byEntry();
        for (int v : domByEntry) {
            memberStart[classOf[v] + 1]++;
            int described = classOfClassObject.described(v, classOf[v]);
            if (described >= 0) {
                memberStart[described + 1]++;
            }
        }
        for (int c = 0; c < classes; c++) {
            memberStart[c + 1] += memberStart[c];
        }
        int[] domMembers = fillByEntry(domByEntry, classOf, classOfClassObject, memberStart);
        int[] bfsMembers = fillByEntry(bfs.byEntry(), classOf, classOfClassObject, memberStart);
        StepTimes.record("  class members", t);
        t = System.nanoTime();
        Predecessors preds = Predecessors.build(g, dom);
        StepTimes.record("  predecessors", t);
        return compute(g, tree, dom, preds, bfs, retained, shallow, isRoot, memberStart, domMembers, bfsMembers,
                classOfClassObject);
    }

    /** Entry numbers of each class's members, bucketed by class (offsets {@code memberStart}), ascending. */
    private static int[] fillByEntry(int[] byEntry, int[] classOf, ClassObjects classOfClassObject, int[] memberStart) {
        int classes = memberStart.length - 1;
        int[] members = new int[memberStart[classes]];
        int[] fill = Arrays.copyOf(memberStart, classes);
        for (int e = 0; e < byEntry.length; e++) {
            int v = byEntry[e];
            members[fill[classOf[v]]++] = e;
            int described = classOfClassObject.described(v, classOf[v]);
            if (described >= 0) {
                members[fill[described]++] = e;
            }
        }
        return members;
    }

    /**
     * @param memberStart CSR offsets by class index into {@code domMembers} and {@code bfsMembers}
     * @param domMembers  dominator Euler entry numbers of each class's reachable members (class object +
     *                    instances), ascending
     * @param bfsMembers  breadth-first Euler entry numbers of the same members, ascending
     * @return retained bytes by class index
     */
    private static long[] compute(HeapGraph g, DominatorTree tree, DominatorChildren dom, Predecessors preds,
            ShortestPaths bfs, RetainedSizes retained, IntToLongFunction shallow, java.util.BitSet isRoot, int[] memberStart,
            int[] domMembers, int[] bfsMembers, ClassObjects classObjects) {
        int classCount = memberStart.length - 1;
        long[] result = new long[classCount];
        long t = System.nanoTime();
        int[][] found = inconsistentByBfsEntry(tree, bfs);
        int[] inconsistent = found[0];
        int[] inconsistentEntry = found[1];
        StepTimes.record("  inconsistent objects", t);
        t = System.nanoTime();
        Shared shared = new Shared(g, dom, preds, bfs, retained, shallow, memberStart, domMembers, bfsMembers,
                isRoot, inconsistent, inconsistentEntry, classObjects);
        // Classes are independent: two workers, each with its own marks (4 bytes per object), take the
        // classes biggest first — when the heap has room for the second set of marks.
        Integer[] bySize = new Integer[classCount];
        for (int c = 0; c < classCount; c++) {
            bySize[c] = c;
        }
        Arrays.sort(bySize, (x, y) -> Integer.compare(memberStart[y + 1] - memberStart[y],
                memberStart[x + 1] - memberStart[x]));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable work = () -> {
            Worker w = new Worker(shared);
            for (int i = next.getAndIncrement(); i < classCount; i = next.getAndIncrement()) {
                int c = bySize[i];
                result[c] = w.retainedBytesOf(c);
            }
        };
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        java.util.concurrent.CompletableFuture<Void> second = null;
        if (rt.availableProcessors() > 1 && free > 8L * g.objectCount() + (64L << 20)) {
            second = java.util.concurrent.CompletableFuture.runAsync(work, Background.EXECUTOR);
        }
        work.run();
        if (second != null) {
            Background.join(second);
        }
        StepTimes.record(second != null ? "  per-class fixpoints (2 threads)" : "  per-class fixpoints", t);
        return result;
    }

    /**
     * Which class a class object describes, without an array over all objects: only objects of a class
     * that some class object has (in a real dump, {@code java.lang.Class} alone) are looked up, by binary
     * search over the few thousand class objects.
     */
    private static final class ClassObjects {
        private final boolean[] classOfSomeClassObject;
        private final int[] objects;
        private final int[] classes;

        ClassObjects(HeapGraph g) {
            int[] classObject = g.classObjectIndex();
            long[] packed = new long[classObject.length];
            int count = 0;
            for (int c = 0; c < classObject.length; c++) {
                if (classObject[c] >= 0) {
                    packed[count++] = ((long) classObject[c] << 32) | c;
                }
            }
            Arrays.sort(packed, 0, count);
            objects = new int[count];
            classes = new int[count];
            for (int i = 0; i < count; i++) {
                objects[i] = (int) (packed[i] >>> 32);
                classes[i] = (int) packed[i];
            }
            classOfSomeClassObject = new boolean[classObject.length];
            for (int o : objects) {
                classOfSomeClassObject[g.classIndexOf()[o]] = true;
            }
        }

        /** The class {@code objectIndex} (of class {@code classIndex}) describes when it is a class object, else -1. */
        int described(int objectIndex, int classIndex) {
            if (!classOfSomeClassObject[classIndex]) {
                return -1;
            }
            int i = Arrays.binarySearch(objects, objectIndex);
            return i >= 0 ? classes[i] : -1;
        }
    }

    /** What every worker reads; never written after construction. */
    private record Shared(HeapGraph g, DominatorChildren dom, Predecessors preds, ShortestPaths bfs,
            RetainedSizes retained, IntToLongFunction shallow, int[] memberStart, int[] domMembers, int[] bfsMembers,
            java.util.BitSet isRoot, int[] inconsistent, int[] inconsistentEntry, ClassObjects classObjects) {
    }

    /** One thread's marks and scratch arrays; computes one class at a time. Not thread-safe. */
    private static final class Worker {
        private final HeapGraph g;
        private final DominatorChildren dom;
        private final Predecessors preds;
        private final ShortestPaths bfs;
        private final RetainedSizes retained;
        private final IntToLongFunction shallow;
        private final int[] memberStart;
        private final int[] domMembers;
        private final int[] bfsMembers;
        private final java.util.BitSet isRoot;
        private final int[] inconsistent;
        private final int[] inconsistentEntry;
        private final int[] bfsByEntry;
        private final int[] domByEntry;
        private final int[] classOf;
        private final ClassObjects classObjects;
        private final int[] outStart;
        private final int[] out;
        // One array for both marks (4 bytes per object): 2·mark = a candidate of class mark still held,
        // 2·mark + 1 = a candidate found reachable without the members.
        private final int[] state;
        private int[] topEntry = new int[16];
        private int[] topExit = new int[16];
        private int[] sliceLo = new int[16];
        private int[] sliceHi = new int[16];
        private int[] stack = new int[1024];

        Worker(Shared s) {
            g = s.g();
            dom = s.dom();
            preds = s.preds();
            bfs = s.bfs();
            retained = s.retained();
            shallow = s.shallow();
            memberStart = s.memberStart();
            domMembers = s.domMembers();
            bfsMembers = s.bfsMembers();
            isRoot = s.isRoot();
            inconsistent = s.inconsistent();
            inconsistentEntry = s.inconsistentEntry();
            bfsByEntry = bfs.byEntry();
            domByEntry = dom.byEntry();
            classOf = g.classIndexOf();
            classObjects = s.classObjects();
            outStart = g.outStart();
            out = g.out();
            state = new int[g.objectCount()];
        }

        long retainedBytesOf(int c) {
        int from = memberStart[c];
        int to = memberStart[c + 1];
        int size = to - from;
        if (size == 0) {
            return 0;
        }
        if (size == 1) {
            return retained.bytes(domByEntry[domMembers[from]]);
        }
        int mark = c + 1;
        // 1. Tops in the dominator tree: disjoint slices of the dominator Euler order.
        if (topEntry.length < size) {
            topEntry = new int[Math.max(size, topEntry.length * 2)];
            topExit = new int[topEntry.length];
        }
        int tops = 0;
        long base = 0;
        int lastExit = -1;
        for (int i = from; i < to; i++) {
            int e = domMembers[i];
            if (e > lastExit) {
                int m = domByEntry[e];
                topEntry[tops] = e;
                topExit[tops] = dom.exit(m);
                lastExit = topExit[tops];
                tops++;
                base += retained.bytes(m);
            }
        }
        // 2. Members' breadth-first subtrees, as disjoint slices of the breadth-first Euler order.
        int candidateCount = 0;
        int slices = 0;
        int scannedUpTo = -1;
        int bfsLastExit = -1;
        int k = 0; // only moves forward: the members' subtrees come in breadth-first order
        for (int i = from; i < to; i++) {
            int lo = bfsMembers[i];
            if (lo <= bfsLastExit) {
                continue; // nested in a previous member's breadth-first subtree
            }
            int hi = bfs.exitAt(lo);
            bfsLastExit = hi;
            // Inconsistent objects strictly below this member, in breadth-first order.
            for (k = firstAtOrAfter(inconsistentEntry, k, lo + 1); k < inconsistent.length; k++) {
                int y = inconsistent[k];
                int ye = inconsistentEntry[k];
                if (ye > hi) {
                    break;
                }
                if (ye <= scannedUpTo || inTops(dom.entry(y), topEntry, topExit, tops)) {
                    continue;
                }
                // Scan y's breadth-first subtree for objects outside the dominated part. The candidates
                // are not listed (there can be nearly as many as objects): the scanned slices are, and
                // the candidates are the objects in them marked 2·mark.
                int yx = bfs.exitAt(ye);
                for (int p = ye; p <= yx; p++) {
                    int x = bfsByEntry[p];
                    if (state[x] != 2 * mark && state[x] != 2 * mark + 1
                            && !inTops(dom.entry(x), topEntry, topExit, tops)) {
                        state[x] = 2 * mark;
                        candidateCount++;
                    }
                }
                if (slices == sliceLo.length) {
                    sliceLo = Arrays.copyOf(sliceLo, slices * 2);
                    sliceHi = Arrays.copyOf(sliceHi, slices * 2);
                }
                sliceLo[slices] = ye;
                sliceHi[slices] = yx;
                slices++;
                scannedUpTo = yx;
            }
        }
        if (candidateCount == 0) {
            return base;
        }
        // 3. Greatest fixpoint. A candidate dies (is reachable without the members) when it is a GC root
        // or has a referrer that is neither in the dominated part nor a live candidate; whatever a dead
        // object refers to is reachable without the members too, so a death kills the live candidates it
        // refers to at once, transitively. Every candidate's referrers are read once and every dead
        // candidate's references once: linear in the candidates' edges, however the deaths interleave.
        int sp = 0;
        for (int slice = 0; slice < slices; slice++) {
            for (int pos = sliceLo[slice], last = sliceHi[slice]; pos <= last; pos++) {
                int z = bfsByEntry[pos];
                if (state[z] != 2 * mark) {
                    continue; // not a candidate, or already killed through a referrer
                }
                boolean held = !isRoot.get(z);
                for (int q = preds.start(z), end = preds.end(z); held && q < end; q++) {
                    int p = preds.at(q);
                    held = state[p] == 2 * mark || (state[p] != 2 * mark + 1
                            && inTops(dom.entry(p), topEntry, topExit, tops));
                }
                // A class object is also referred to by every instance of the class it describes (the
                // implicit class edge): those referrers are that class's members, already listed, so the
                // predecessor lists need not repeat them (4 bytes per object less at this peak).
                int described = held ? classObjects.described(z, classOf[z]) : -1;
                for (int i = described >= 0 ? memberStart[described] : 0,
                        end = described >= 0 ? memberStart[described + 1] : 0; held && i < end; i++) {
                    int p = domByEntry[domMembers[i]];
                    held = p == z || state[p] == 2 * mark || (state[p] != 2 * mark + 1
                            && inTops(dom.entry(p), topEntry, topExit, tops));
                }
                if (held) {
                    continue;
                }
                state[z] = 2 * mark + 1;
                stack[sp++] = z;
                while (sp > 0) {
                    int y = stack[--sp];
                    int target = g.classObjectOf(y);
                    for (int e = outStart[y] - 1, end = outStart[y + 1]; e < end; e++) {
                        if (e >= outStart[y]) {
                            target = out[e];
                        }
                        if (target >= 0 && state[target] == 2 * mark) {
                            state[target] = 2 * mark + 1;
                            if (sp == stack.length) {
                                stack = Arrays.copyOf(stack, sp * 2);
                            }
                            stack[sp++] = target;
                        }
                    }
                }
            }
        }
        long extra = 0;
        for (int slice = 0; slice < slices; slice++) {
            for (int pos = sliceLo[slice], last = sliceHi[slice]; pos <= last; pos++) {
                int z = bfsByEntry[pos];
                if (state[z] == 2 * mark) {
                    extra += shallow.applyAsLong(z);
                }
            }
        }
        return base + extra;
        }
    }

    /**
     * Reachable objects whose breadth-first parent is not their immediate dominator, and their breadth-first
     * entry numbers, both in entry order: one walk of the numbering, no sort.
     */
    private static int[][] inconsistentByBfsEntry(DominatorTree tree, ShortestPaths bfs) {
        int[] idom = tree.immediateDominators();
        int[] byEntry = bfs.byEntry();
        int count = 0;
        for (int v : byEntry) {
            if (inconsistent(v, idom, bfs)) {
                count++;
            }
        }
        int[] objects = new int[count];
        int[] entries = new int[count];
        int k = 0;
        for (int e = 0; e < byEntry.length; e++) {
            int v = byEntry[e];
            if (inconsistent(v, idom, bfs)) {
                objects[k] = v;
                entries[k++] = e;
            }
        }
        return new int[][] {objects, entries};
    }

    private static boolean inconsistent(int v, int[] idom, ShortestPaths bfs) {
        int p = bfs.parent(v);
        int d = idom[v];
        return p >= 0 ? p != d : d >= 0;
    }

    /**
     * First position at or after {@code from} in the ascending {@code entries} whose value is at least
     * {@code entry}: a galloping search, so a sweep over increasing entries costs O(log gap) per step.
     */
    private static int firstAtOrAfter(int[] entries, int from, int entry) {
        int lo = from;
        int step = 1;
        int hi = from;
        while (hi < entries.length && entries[hi] < entry) {
            lo = hi + 1;
            hi = from + step;
            step <<= 1;
        }
        hi = Math.min(hi, entries.length);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries[mid] < entry) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean inTops(int entry, int[] topEntry, int[] topExit, int tops) {
        if (entry < 0) {
            return false;
        }
        int lo = 0;
        int hi = tops - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (topExit[mid] < entry) {
                lo = mid + 1;
            } else if (topEntry[mid] > entry) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** MAT's definition, literally: what the GC roots cannot reach once the set is taken away. O(graph). */
    public static long retainedBySet(HeapGraph g, DominatorTree tree, int[] set, IntToLongFunction shallow) {
        int n = g.objectCount();
        byte[] seen = new byte[n];
        for (int v : set) {
            seen[v] = 1;
        }
        int[] stack = new int[Math.max(16, n)];
        int sp = 0;
        int[] outStart = g.outStart();
        int[] out = g.out();
        for (int r : g.rootObjects()) {
            if (seen[r] == 0) {
                seen[r] = 2;
                stack[sp++] = r;
            }
        }
        while (sp > 0) {
            int v = stack[--sp];
            int c = g.classObjectOf(v);
            if (c >= 0 && seen[c] == 0) {
                seen[c] = 2;
                stack[sp++] = c;
            }
            for (int e = outStart[v]; e < outStart[v + 1]; e++) {
                int t = out[e];
                if (seen[t] == 0) {
                    seen[t] = 2;
                    stack[sp++] = t;
                }
            }
        }
        long sum = 0;
        for (int v = 0; v < n; v++) {
            if (tree.isReachable(v) && seen[v] != 2) {
                sum += shallow.applyAsLong(v);
            }
        }
        return sum;
    }
}

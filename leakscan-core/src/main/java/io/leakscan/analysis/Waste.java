package io.leakscan.analysis;

import io.leakscan.heap.DumpContents;
import io.leakscan.heap.HeapClassTable;
import io.leakscan.heap.HeapSnapshot;
import io.leakscan.heap.ObjectKind;
import io.leakscan.util.IntArrayList;
import io.leakscan.util.LongArrayList;
import io.leakscan.util.StepTimes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Memory a program could save, priced in bytes, found among the reachable objects: duplicate strings,
 * duplicate primitive arrays, empty and nearly empty collections, collections whose backing array is
 * much bigger than their size, boxed numbers, and zero-length arrays. How each figure is computed is in
 * {@code docs/waste.md}; the categories do not overlap except where that page says.
 *
 * <p>Reads nothing: the array contents come as digests from {@link DumpContents}. Cost: O(objects) scans,
 * plus sorting the Strings and primitive arrays by digest (12 bytes each while sorting). Immutable
 * result; not thread-safe while computing.
 */
public final class Waste {
    /** Collections of at most this many elements, with spare capacity, are "nearly empty". */
    public static final int NEARLY_EMPTY_MAX = 4;
    /** Collections of more elements filled below this ratio (size / capacity) have a "low fill ratio". */
    public static final double LOW_FILL = 0.5;
    /** Holders listed per duplicate string. */
    public static final int HOLDERS = 3;

    /** Totals of one category. */
    public record Category(String kind, long objects, long savedBytes) {
    }

    /**
     * Copies of one string value.
     *
     * @param example        one of the Strings (its text is read for display)
     * @param count          Strings with this value
     * @param distinctArrays distinct value arrays among them
     * @param savedBytes     (count − 1) String objects and (distinctArrays − 1) arrays
     * @param holders        what holds the copies ({@code class.field} → copies held), most first
     */
    public record DuplicateString(int example, long count, long distinctArrays, long savedBytes,
            Map<String, Long> holders) {
    }

    /** Copies of one primitive array content (Strings' arrays excluded). */
    public record DuplicateArray(int example, int classIndex, int length, long count, long savedBytes) {
    }

    /** A collection class's instances in one category ({@code empty}, {@code nearly-empty}, {@code low-fill}). */
    public record CollectionRow(String className, String kind, long instances, long elements, long capacity,
            long savedBytes) {
    }

    /** Instances of one class (boxed numbers, zero-length arrays) and what they cost. */
    public record ClassRow(String className, long instances, long savedBytes) {
    }

    private final List<Category> categories;
    private final List<DuplicateString> strings;
    private final List<DuplicateArray> arrays;
    private final List<CollectionRow> collections;
    private final List<ClassRow> boxes;
    private final List<ClassRow> zeroLength;

    private Waste(List<Category> categories, List<DuplicateString> strings, List<DuplicateArray> arrays,
            List<CollectionRow> collections, List<ClassRow> boxes, List<ClassRow> zeroLength) {
        this.categories = categories;
        this.strings = strings;
        this.arrays = arrays;
        this.collections = collections;
        this.boxes = boxes;
        this.zeroLength = zeroLength;
    }

    /** Category totals, biggest saving first. */
    public List<Category> categories() {
        return categories;
    }

    /** The biggest duplicate-string groups, biggest saving first. */
    public List<DuplicateString> duplicateStrings() {
        return strings;
    }

    public List<DuplicateArray> duplicateArrays() {
        return arrays;
    }

    public List<CollectionRow> collections() {
        return collections;
    }

    public List<ClassRow> boxedNumbers() {
        return boxes;
    }

    public List<ClassRow> zeroLengthArrays() {
        return zeroLength;
    }

    /** Total of all categories. */
    public long savedBytes() {
        long sum = 0;
        for (Category c : categories) {
            sum += c.savedBytes();
        }
        return sum;
    }

    /**
     * @param contents digests of the primitive arrays (a {@link DumpContents} read with digests)
     * @param top      groups listed per kind (0 = all); the totals always count every group
     */
    public static Waste of(HeapAnalysis a, DumpContents contents, int top) {
        HeapSnapshot s = a.snapshot();
        HeapClassTable classes = s.classes();
        DominatorTree tree = a.dominatorTree();
        int n = s.objectCount();
        int[] classOf = s.graph().classIndexOf();
        long[] stringValue = new long[(n + 63) >>> 6];
        List<Category> categories = new ArrayList<>();

        long t = System.nanoTime();
        // Duplicate strings: key = (digest, length, array class, coder) of the value array.
        int stringClass = classes.find("java.lang.String");
        int valueSlot = stringClass >= 0 ? Arrays.asList(classes.referenceFieldNames(stringClass)).indexOf("value") : -1;
        IntArrayList members = new IntArrayList(1024);
        IntArrayList values = new IntArrayList(1024);
        LongArrayList keys = new LongArrayList(1024);
        for (int o = 0; o < n; o++) {
            if (classOf[o] != stringClass || s.kind(o) != ObjectKind.INSTANCE || !tree.isReachable(o)) {
                continue;
            }
            int v = targetAtSlot(s, o, valueSlot);
            if (v < 0 || s.kind(v) != ObjectKind.PRIMITIVE_ARRAY) {
                continue;
            }
            stringValue[v >>> 6] |= 1L << v;
            if (contents.isSliceString(o)) {
                continue; // shares part of an array: not a copy of anything
            }
            members.add(o);
            values.add(v);
            keys.add(key(contents.digest(v), s.arrayLength(v), classOf[v], contents.isUtf16String(o)));
        }
        Groups sg = Groups.of(keys.toArray(), values.toArray());
        int[] byPosition = members.toArray();
        int[] valueByPosition = values.toArray();
        LongArrayList groupSaved = new LongArrayList(64);
        long stringObjects = 0;
        long stringSaved = 0;
        for (int g = 0; g < sg.count(); g++) {
            int from = sg.start(g);
            int to = sg.end(g);
            int first = byPosition[sg.order[from]];
            int firstValue = valueByPosition[sg.order[from]];
            long distinct = 1;
            for (int i = from + 1; i < to; i++) {
                if (valueByPosition[sg.order[i]] != valueByPosition[sg.order[i - 1]]) {
                    distinct++;
                }
            }
            long saved = (to - from - 1) * s.shallowBytes(first) + (distinct - 1) * s.shallowBytes(firstValue);
            groupSaved.add(saved);
            stringObjects += to - from - 1;
            stringSaved += saved;
        }
        categories.add(new Category("duplicate-strings", stringObjects, stringSaved));
        int[] stringOrder = IndexSort.descending(groupSaved.toArray());
        int shownStrings = limit(top, stringOrder.length);
        Map<Integer, Map<String, Long>> holders = holders(a, sg, byPosition, stringOrder, shownStrings);
        List<DuplicateString> strings = new ArrayList<>();
        for (int i = 0; i < shownStrings; i++) {
            int g = stringOrder[i];
            int from = sg.start(g);
            long distinct = 1;
            for (int k = from + 1; k < sg.end(g); k++) {
                distinct += valueByPosition[sg.order[k]] != valueByPosition[sg.order[k - 1]] ? 1 : 0;
            }
            strings.add(new DuplicateString(byPosition[sg.order[from]], sg.end(g) - from, distinct,
                    groupSaved.get(g), holders.get(g)));
        }

        StepTimes.record("duplicate strings", t);
        t = System.nanoTime();
        // Duplicate primitive arrays (not a String's), and zero-length arrays of any type.
        IntArrayList arrayMembers = new IntArrayList(1024);
        LongArrayList arrayKeys = new LongArrayList(1024);
        long[] zeroCount = new long[classes.count()];
        long[] zeroShallow = new long[classes.count()];
        for (int o = 0; o < n; o++) {
            byte k = s.kind(o);
            if ((k != ObjectKind.PRIMITIVE_ARRAY && k != ObjectKind.OBJECT_ARRAY) || !tree.isReachable(o)
                    || (stringValue[o >>> 6] & (1L << o)) != 0) {
                continue;
            }
            if (s.arrayLength(o) == 0) {
                zeroCount[classOf[o]]++;
                zeroShallow[classOf[o]] = s.shallowBytes(o);
            } else if (k == ObjectKind.PRIMITIVE_ARRAY) {
                arrayMembers.add(o);
                arrayKeys.add(key(contents.digest(o), s.arrayLength(o), classOf[o], false));
            }
        }
        int[] arrayByPosition = arrayMembers.toArray();
        Groups ag = Groups.of(arrayKeys.toArray(), arrayByPosition);
        LongArrayList arraySaved = new LongArrayList(64);
        long arrayObjects = 0;
        long arrayTotal = 0;
        for (int g = 0; g < ag.count(); g++) {
            long copies = ag.end(g) - ag.start(g) - 1;
            long saved = copies * s.shallowBytes(arrayByPosition[ag.order[ag.start(g)]]);
            arraySaved.add(saved);
            arrayObjects += copies;
            arrayTotal += saved;
        }
        categories.add(new Category("duplicate-arrays", arrayObjects, arrayTotal));
        int[] arrayOrder = IndexSort.descending(arraySaved.toArray());
        List<DuplicateArray> arrays = new ArrayList<>();
        for (int i = 0; i < limit(top, arrayOrder.length); i++) {
            int g = arrayOrder[i];
            int example = arrayByPosition[ag.order[ag.start(g)]];
            arrays.add(new DuplicateArray(example, classOf[example], s.arrayLength(example), ag.end(g) - ag.start(g),
                    arraySaved.get(g)));
        }
        List<ClassRow> zeroLength = new ArrayList<>();
        long zeroObjects = 0;
        long zeroTotal = 0;
        for (int c = 0; c < classes.count(); c++) {
            if (zeroCount[c] > 1) { // one instance could be the shared one
                long saved = (zeroCount[c] - 1) * zeroShallow[c];
                zeroLength.add(new ClassRow(classes.name(c), zeroCount[c], saved));
                zeroObjects += zeroCount[c] - 1;
                zeroTotal += saved;
            }
        }
        categories.add(new Category("zero-length-arrays", zeroObjects, zeroTotal));

        StepTimes.record("duplicate and zero-length arrays", t);
        t = System.nanoTime();
        // Boxed numbers: each box could be a primitive field: the box goes, the reference becomes the value.
        int refBytes = s.info().compressedOops() ? 4 : s.info().idSize();
        Map<String, Integer> primitiveBytes = Map.of("java.lang.Integer", 4, "java.lang.Long", 8, "java.lang.Short", 2,
                "java.lang.Byte", 1, "java.lang.Character", 2, "java.lang.Boolean", 1, "java.lang.Float", 4,
                "java.lang.Double", 8);
        int[] boxBytes = new int[classes.count()];
        for (int c = 0; c < classes.count(); c++) {
            boxBytes[c] = primitiveBytes.getOrDefault(classes.name(c), -1);
        }
        long[] boxCount = new long[classes.count()];
        long[] boxSaved = new long[classes.count()];

        // Collections by their shape: empty, nearly empty, low fill. Entries as the container registry counts
        // them (from the reference graph), the same count diff and analyze show.
        ContainerRegistry registry = a.containerRegistry();
        CollectionShapes.Shape[] shapes = CollectionShapes.byClass(classes);
        int[] arraySlot = new int[classes.count()];
        for (int c = 0; c < classes.count(); c++) {
            arraySlot[c] = shapes[c] == null ? -1
                    : Arrays.asList(classes.referenceFieldNames(c)).indexOf(shapes[c].arrayField());
        }
        // per class and kind (empty, nearly empty, low fill): instances, elements, capacity, saved
        String[] kinds = {"empty", "nearly-empty", "low-fill"};
        long[][] rows = new long[classes.count() * kinds.length][];
        for (int o = 0; o < n; o++) {
            int c = classOf[o];
            if (s.kind(o) != ObjectKind.INSTANCE || (boxBytes[c] < 0 && shapes[c] == null) || !tree.isReachable(o)) {
                continue;
            }
            if (boxBytes[c] >= 0) {
                boxCount[c]++;
                boxSaved[c] += s.shallowBytes(o) + refBytes - boxBytes[c];
                continue;
            }
            if (!registry.isContainer(o)) {
                continue;
            }
            long size = registry.entries(o);
            int backing = targetAtSlot(s, o, arraySlot[c]);
            long capacity = backing >= 0 ? Math.max(0, s.arrayLength(backing)) : 0;
            int kind;
            long saved;
            if (size == 0) {
                kind = 0;
                saved = a.retainedBytes(o);
            } else {
                long unused = capacity - CollectionShapes.neededCapacity(shapes[c].growth(), size);
                if (unused <= 0) {
                    continue;
                }
                if (size <= NEARLY_EMPTY_MAX) {
                    kind = 1;
                } else if (size < LOW_FILL * capacity) {
                    kind = 2;
                } else {
                    continue;
                }
                saved = unused * refBytes;
            }
            int at = c * kinds.length + kind;
            if (rows[at] == null) {
                rows[at] = new long[4];
            }
            long[] row = rows[at];
            row[0]++;
            row[1] += size;
            row[2] += capacity;
            row[3] += saved;
        }
        List<ClassRow> boxes = new ArrayList<>();
        long boxObjects = 0;
        long boxTotal = 0;
        for (int c = 0; c < classes.count(); c++) {
            if (boxCount[c] > 0) {
                boxes.add(new ClassRow(classes.name(c), boxCount[c], boxSaved[c]));
                boxObjects += boxCount[c];
                boxTotal += boxSaved[c];
            }
        }
        categories.add(new Category("boxed-numbers", boxObjects, boxTotal));
        List<CollectionRow> collections = new ArrayList<>();
        long[][] totals = new long[kinds.length][2];
        for (int at = 0; at < rows.length; at++) {
            long[] r = rows[at];
            if (r != null) {
                int kind = at % kinds.length;
                collections.add(new CollectionRow(classes.name(at / kinds.length), kinds[kind], r[0], r[1], r[2], r[3]));
                totals[kind][0] += r[0];
                totals[kind][1] += r[3];
            }
        }
        for (int kind = 0; kind < kinds.length; kind++) {
            categories.add(new Category(kinds[kind] + "-collections", totals[kind][0], totals[kind][1]));
        }
        StepTimes.record("collections, boxed numbers", t);
        collections.sort((x, y) -> Long.compare(y.savedBytes(), x.savedBytes()));
        boxes.sort((x, y) -> Long.compare(y.savedBytes(), x.savedBytes()));
        zeroLength.sort((x, y) -> Long.compare(y.savedBytes(), x.savedBytes()));
        categories.sort((x, y) -> Long.compare(y.savedBytes(), x.savedBytes()));
        return new Waste(categories, strings, arrays, collections, boxes, zeroLength);
    }

    private static int limit(int top, int available) {
        return top <= 0 ? available : Math.min(top, available);
    }

    private static long key(long digest, int length, int classIndex, boolean utf16) {
        long h = digest ^ (length * 0x9E3779B97F4A7C15L) ^ ((long) classIndex * 0xC2B2AE3D27D4EB4FL);
        return utf16 ? Long.rotateLeft(h, 1) ^ 0x5DEECE66DL : h;
    }

    /** The target of the reference field at {@code slot} (position among the class's reference fields), or -1. */
    private static int targetAtSlot(HeapSnapshot s, int o, int slot) {
        if (slot < 0) {
            return -1;
        }
        int[] outStart = s.graph().outStart();
        int[] out = s.graph().out();
        for (int e = outStart[o]; e < outStart[o + 1]; e++) {
            if (s.edgeSlot(e) == slot) {
                return out[e];
            }
        }
        return -1;
    }

    /**
     * Who holds the copies of the shown duplicate strings: each copy's holder is the object it is first
     * reached from (its parent on the shortest path from the GC roots), named by the referring field.
     * O(copies shown · fields of their holders); array holders need no search (every slot is an element).
     */
    private static Map<Integer, Map<String, Long>> holders(HeapAnalysis a, Groups sg, int[] byPosition,
            int[] stringOrder, int shown) {
        HeapSnapshot s = a.snapshot();
        ShortestPaths paths = a.shortestPaths();
        int[] outStart = s.graph().outStart();
        int[] out = s.graph().out();
        Map<Integer, Map<String, Long>> result = new HashMap<>();
        for (int i = 0; i < shown; i++) {
            int g = stringOrder[i];
            Map<String, Long> counts = new HashMap<>();
            for (int k = sg.start(g); k < sg.end(g); k++) {
                int o = byPosition[sg.order[k]];
                int v = paths.parent(o);
                String holder;
                if (v < 0) {
                    holder = "<GC root>";
                } else if (s.kind(v) == ObjectKind.OBJECT_ARRAY) {
                    holder = "element of " + s.classes().name(s.classIndexOf(v));
                } else {
                    String edge = "?";
                    for (int e = outStart[v]; e < outStart[v + 1]; e++) {
                        if (out[e] == o) {
                            edge = s.edgeName(v, e);
                            break;
                        }
                    }
                    holder = s.kind(v) == ObjectKind.CLASS
                            ? (edge.startsWith("static ") ? "static " + s.classes().name(s.classIndexOfClassObject(v))
                                    + "." + edge.substring("static ".length()) : edge)
                            : s.classes().name(s.classIndexOf(v)) + "." + edge;
                }
                counts.merge(holder, 1L, Long::sum);
            }
            Map<String, Long> top = new LinkedHashMap<>();
            counts.entrySet().stream()
                    .sorted((x, y) -> x.getValue().equals(y.getValue()) ? x.getKey().compareTo(y.getKey())
                            : Long.compare(y.getValue(), x.getValue()))
                    .limit(HOLDERS).forEach(x -> top.put(x.getKey(), x.getValue()));
            result.put(g, top);
        }
        return result;
    }

    /**
     * Positions grouped by equal key: {@code order} lists the positions whose key is repeated, sorted by key
     * (ties by the tie value); each run of equal keys is a group of two or more.
     */
    private static final class Groups {
        final int[] order;
        private final int[] starts;

        private Groups(int[] order, int[] starts) {
            this.order = order;
            this.starts = starts;
        }

        /**
         * Only positions whose key occurs twice or more are ordered: the keys are sorted as plain longs
         * first (fast), and the few repeated ones picked out, so unique Strings and arrays cost no index sort.
         */
        static Groups of(long[] keys, int[] tie) {
            long[] sorted = keys.clone();
            Arrays.sort(sorted);
            LongArrayList repeated = new LongArrayList(64);
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]
                        && (repeated.size() == 0 || repeated.get(repeated.size() - 1) != sorted[i])) {
                    repeated.add(sorted[i]);
                }
            }
            long[] dup = repeated.toArray();
            IntArrayList candidates = new IntArrayList(64);
            if (dup.length > 0) {
                for (int p = 0; p < keys.length; p++) {
                    if (Arrays.binarySearch(dup, keys[p]) >= 0) {
                        candidates.add(p);
                    }
                }
            }
            int m = candidates.size();
            long[] candidateKeys = new long[m];
            int[] candidateTies = new int[m];
            for (int i = 0; i < m; i++) {
                candidateKeys[i] = keys[candidates.get(i)];
                candidateTies[i] = tie[candidates.get(i)];
            }
            int[] within = IndexSort.descendingByKey(candidateKeys, candidateTies, 0);
            int[] order = new int[m];
            for (int i = 0; i < m; i++) {
                order[i] = candidates.get(within[i]);
            }
            IntArrayList starts = new IntArrayList(64);
            int i = 0;
            while (i < m) {
                int j = i + 1;
                while (j < m && keys[order[j]] == keys[order[i]]) {
                    j++;
                }
                starts.add(i);
                starts.add(j);
                i = j;
            }
            return new Groups(order, starts.toArray());
        }

        int count() {
            return starts.length / 2;
        }

        int start(int g) {
            return starts[2 * g];
        }

        int end(int g) {
            return starts[2 * g + 1];
        }
    }
}

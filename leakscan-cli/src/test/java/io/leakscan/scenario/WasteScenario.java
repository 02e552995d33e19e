package io.leakscan.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Child-JVM scenario with waste known by construction: {@link #COPIES} equal Strings built at run time
 * (no constant holds their text), {@link #EMPTY_MAPS} empty maps, {@link #SPARSE_LISTS} lists of one
 * element with room for 100, {@link #WIDE_LISTS} lists of 10 elements with room for 64, and
 * {@link #ARRAYS} equal int[20] arrays. The collections are subclasses of their own so that their rows
 * are theirs alone. Then the heap is dumped to {@code args[0]}.
 */
public final class WasteScenario {
    public static final int COPIES = 300;
    public static final int EMPTY_MAPS = 200;
    public static final int SPARSE_LISTS = 150;
    public static final int WIDE_LISTS = 100;
    public static final int ARRAYS = 250;

    static final List<Object> HELD = new ArrayList<>();

    /** An empty HashMap (no table allocated). */
    static final class EmptyMap extends HashMap<String, String> {
    }

    /** One element, capacity 100. */
    static final class SparseList extends ArrayList<Object> {
        SparseList() {
            super(100);
        }
    }

    /** Ten elements, capacity 64. */
    static final class WideList extends ArrayList<Object> {
        WideList() {
            super(64);
        }
    }

    private WasteScenario() {
    }

    /** The duplicated text, built at run time. */
    public static String text() {
        return "leakscan-duplicate-" + Integer.toString(6 * 7);
    }

    public static void main(String[] args) throws Exception {
        Object element = new Object();
        HELD.add(element);
        for (int i = 0; i < COPIES; i++) {
            HELD.add(text());
        }
        for (int i = 0; i < EMPTY_MAPS; i++) {
            HELD.add(new EmptyMap());
        }
        for (int i = 0; i < SPARSE_LISTS; i++) {
            SparseList l = new SparseList();
            l.add(element);
            HELD.add(l);
        }
        for (int i = 0; i < WIDE_LISTS; i++) {
            WideList l = new WideList();
            for (int k = 0; k < 10; k++) {
                // Distinct elements: entries are counted from the reference graph, which keeps a repeated
                // reference once (docs/waste.md).
                l.add(new Object());
            }
            HELD.add(l);
        }
        for (int i = 0; i < ARRAYS; i++) {
            int[] a = new int[20];
            for (int k = 0; k < a.length; k++) {
                a[k] = 1000 + k * 7;
            }
            HELD.add(a);
        }
        ScenarioSupport.dumpHeap(args[0]);
    }
}

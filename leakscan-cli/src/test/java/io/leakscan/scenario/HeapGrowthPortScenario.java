package io.leakscan.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenarios of LeakCanary's JVM heap-growth tests, in our own code: the same small loop runs
 * between every two of five dumps, and growth in every interval is the leak. Modes (first argument):
 * {@code empty}, {@code leaky-list} (one object per loop), {@code string-list}, {@code leak-that-ends}
 * (stops half way), {@code five-per-dump}, {@code linked-list} (a hand-made list grows by one),
 * {@code linked-list-four} (by four), {@code pairs} (objects each holding two more) and {@code hash-map}.
 */
public final class HeapGrowthPortScenario extends GrowthScenario {
    /** What leaks. */
    public static final class Leaky {
    }

    /** An object holding two more. */
    public static final class MultiLeaky {
        final Leaky first = new Leaky();
        final Leaky second = new Leaky();
    }

    /** A hand-made linked list. */
    public static final class CustomLinkedList {
        final CustomLinkedList next;

        CustomLinkedList(CustomLinkedList next) {
            this.next = next;
        }
    }

    final List<Leaky> leakies = new ArrayList<>();
    final List<String> stringLeaks = new ArrayList<>();
    final List<MultiLeaky> multiLeakies = new ArrayList<>();
    final Map<String, Leaky> leakyHashMap = new HashMap<>();
    CustomLinkedList customLeakyLinkedList = new CustomLinkedList(null);
    static HeapGrowthPortScenario instance;
    private final String mode;
    private int index;

    private HeapGrowthPortScenario(String mode) {
        this.mode = mode;
        instance = this;
    }

    @Override
    protected void setUp() {
    }

    @Override
    protected void grow(int round) {
        switch (mode) {
            case "empty" -> {
            }
            case "leaky-list" -> leakies.add(new Leaky());
            case "string-list" -> stringLeaks.add("Yo " + ++index);
            case "leak-that-ends" -> {
                if (round <= 2) {
                    leakies.add(new Leaky());
                }
            }
            case "five-per-dump" -> {
                for (int i = 0; i < 5; i++) {
                    leakies.add(new Leaky());
                }
            }
            case "linked-list" -> customLeakyLinkedList = new CustomLinkedList(customLeakyLinkedList);
            case "linked-list-four" -> {
                for (int i = 0; i < 4; i++) {
                    customLeakyLinkedList = new CustomLinkedList(customLeakyLinkedList);
                }
            }
            case "pairs" -> multiLeakies.add(new MultiLeaky());
            case "hash-map" -> leakyHashMap.put("key" + ++index, new Leaky());
            default -> throw new IllegalArgumentException(mode);
        }
    }

    public static void main(String[] args) throws Exception {
        run(new HeapGrowthPortScenario(args[0]), java.util.Arrays.copyOfRange(args, 1, args.length));
    }
}

package io.leakscan.scenario;

/**
 * Objects no container holds: a doubly linked ring that gains 1,500 nodes per round. Every node is
 * linked to by another, so it has no head to name: its nodes are a class suspect.
 */
public final class RingScenario extends GrowthScenario {
    /** A ring node with a payload. */
    public static final class Node {
        Node prev = this;
        Node next = this;
        final byte[] payload = new byte[400];
    }

    static final Node ANCHOR = new Node();

    @Override
    protected void setUp() {
        add(200);
    }

    @Override
    protected void grow(int round) {
        add(1_500);
    }

    private static void add(int n) {
        for (int i = 0; i < n; i++) {
            Node node = new Node();
            node.next = ANCHOR.next;
            node.prev = ANCHOR;
            ANCHOR.next.prev = node;
            ANCHOR.next = node;
        }
    }

    public static void main(String[] args) throws Exception {
        run(new RingScenario(), args);
    }
}

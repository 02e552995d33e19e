package io.leakscan.heap;

/**
 * The reference graph of a heap in compressed-sparse-row form over dense object indices
 * {@code 0..objectCount-1}.
 *
 * <p>Successors of object {@code v}: first, implicitly, the class object of its class
 * ({@code classObjectIndex[classIndexOf[v]]}, when that is not -1), then the explicit references
 * {@code out[outStart[v] .. outStart[v+1]-1]}. The instance-to-class edge is implicit because every
 * object has exactly one and the class index is stored anyway: this saves 4 bytes per object.
 *
 * <p>Memory: 4 bytes per reference plus 4 per object (for {@code outStart}). Immutable after
 * construction (arrays are shared, not copied: callers must not modify them); thread-safe to read.
 */
public final class HeapGraph {
    private final int objectCount;
    private final int[] outStart;
    private final int[] out;
    private final int[] classIndexOf;
    private final int[] classObjectIndex;
    private final int[] rootObjects;

    /**
     * @param objectCount      number of objects
     * @param outStart         {@code objectCount + 1} offsets into {@code out}
     * @param out              explicit reference targets (object indices)
     * @param classIndexOf     class index of every object
     * @param classObjectIndex object index of every class's class object, or -1 where it has none
     * @param rootObjects      distinct object indices that are GC roots (successors of the virtual root)
     */
    public HeapGraph(int objectCount, int[] outStart, int[] out, int[] classIndexOf, int[] classObjectIndex,
            int[] rootObjects) {
        this.objectCount = objectCount;
        this.outStart = outStart;
        this.out = out;
        this.classIndexOf = classIndexOf;
        this.classObjectIndex = classObjectIndex;
        this.rootObjects = rootObjects;
    }

    public int objectCount() {
        return objectCount;
    }

    /** Number of explicit references (not counting the implicit object-to-class edges). */
    public long referenceCount() {
        return outStart[objectCount];
    }

    public int[] outStart() {
        return outStart;
    }

    public int[] out() {
        return out;
    }

    public int[] classIndexOf() {
        return classIndexOf;
    }

    public int[] classObjectIndex() {
        return classObjectIndex;
    }

    /** The implicit successor of {@code objectIndex} (its class object), or -1. */
    public int classObjectOf(int objectIndex) {
        return classObjectIndex[classIndexOf[objectIndex]];
    }

    public int[] rootObjects() {
        return rootObjects;
    }
}

package io.leakscan.diff;

import java.util.List;
import java.util.Map;

/**
 * What {@code diff} keeps of one dump after analysing it: kilobytes, not the dump. Per class: counts
 * and exact retained size; per container group (containers of one class on one path from the GC roots):
 * how many, their elements, their retained size and what they hold. Immutable; thread-safe.
 *
 * @param file            the dump
 * @param timestampMillis when it was taken
 * @param objects         reachable objects
 * @param usedHeapBytes   sum of reachable shallow sizes
 * @param classes         per class name
 * @param groups          per container group key ({@link ContainerGroup#key()})
 */
public record DumpSummary(String file, long timestampMillis, long objects, long usedHeapBytes,
        Map<String, ClassStats> classes, Map<String, ContainerGroup> groups) {

    /**
     * One class name (over all loaders that define it).
     *
     * @param loaders number of distinct class loaders defining a class of this name
     */
    public record ClassStats(String className, long instances, long shallowBytes, long retainedBytes, int loaders,
            boolean classLoaderClass) {
    }

    /**
     * Containers of one class reached by one path.
     *
     * @param key            kind, container class and path: the identity across dumps
     * @param kind           container kind label
     * @param containerClass class of the containers
     * @param path           the path signature, e.g. {@code static com.acme.Store.MAP}
     * @param containers     how many containers share it
     * @param elements       their logical elements, summed
     * @param retainedBytes  their retained size, summed (nested ones counted once)
     * @param example        one of the containers, for people ({@code java.util.HashMap @ 0x…})
     * @param classLoaders   class loader objects inside them (nearest container wins)
     * @param holds          what is inside them (nearest container wins), biggest first
     */
    public record ContainerGroup(String key, String kind, String containerClass, String path, long containers,
            long elements, long retainedBytes, String example, long classLoaders, List<Held> holds) {
    }

    /** Objects of one class held inside a container group. */
    public record Held(String className, long instances, long shallowBytes, boolean classLoader) {
    }
}

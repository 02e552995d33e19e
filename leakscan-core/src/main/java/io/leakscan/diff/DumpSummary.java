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
 * @param partialGroups   true when only the biggest groups were kept (a saved baseline)
 * @param truncation      why the dump ended early (only its beginning was analysed), or null
 * @param idSize          identifier size of the dump (4 or 8 bytes), 0 when unknown (older summaries)
 * @param jvmVersion      {@code java.vm.version} (else {@code java.version}) read from the dump, or null
 * @param mainClass       the command the JVM ran ({@code sun.java.command}, its first word), or null
 */
public record DumpSummary(String file, long timestampMillis, long objects, long usedHeapBytes,
        Map<String, ClassStats> classes, Map<String, ContainerGroup> groups, boolean partialGroups, String truncation,
        int idSize, String jvmVersion, String mainClass) {

    /**
     * The summary to save as a baseline: only the {@code keep} biggest container groups (by retained
     * size), so it stays kilobytes for any heap.
     */
    public static final long MIN_SAVED_GROUP_BYTES = 16 * 1024;

    public DumpSummary forSaving(int keep) {
        Map<String, ContainerGroup> kept = new java.util.LinkedHashMap<>();
        groups.values().stream()
                // Below the diff's smallest threshold (64 KiB) a group can never make a suspect on its own.
                .filter(g -> g.retainedBytes() >= MIN_SAVED_GROUP_BYTES)
                .sorted(java.util.Comparator.comparingLong(ContainerGroup::retainedBytes).reversed())
                .limit(keep)
                .forEach(g -> kept.put(g.key(), g));
        return new DumpSummary(file, timestampMillis, objects, usedHeapBytes, classes, kept, true, truncation, idSize,
                jvmVersion, mainClass);
    }

    /**
     * One class name (over all loaders that define it).
     *
     * @param loaders       number of distinct class loaders defining a class of this name
     * @param freeInstances instances that no container holds (a class loader holding statics does not
     *                      count), that are no containers themselves, and that no such free object of
     *                      another class retains; null in summaries of older versions
     */
    public record ClassStats(String className, long instances, long shallowBytes, long retainedBytes, int loaders,
            boolean classLoaderClass, Long freeInstances) {
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
     * @param holds          what is inside them (nearest container wins; objects held collectively by the
     *                       containers of a nested group count for that group), biggest first
     * @param words          the container in plain words ("Guava cache", "CopyOnWriteArrayList")
     * @param keyClass       most common key class of the fullest container, or null
     * @param valueClass     most common value (element) class of the fullest container, or null
     * @param examples       a few of its keys (or elements), strings shortened, for people
     * @param configuration  what the dump tells of a cache's bounds ("no maximum size, no expiry"), or null
     * @param holder         who really holds it when the path does not say (a ThreadLocal's static), or null
     */
    public record ContainerGroup(String key, String kind, String containerClass, String path, long containers,
            long elements, long retainedBytes, String example, long classLoaders, List<Held> holds, String words,
            String keyClass, String valueClass, List<String> examples, String configuration, String holder) {

        /** The same group with more containers, elements, retained bytes and loaders. */
        public ContainerGroup plus(long moreContainers, long moreElements, long moreRetained, long moreLoaders) {
            return new ContainerGroup(key, kind, containerClass, path, containers + moreContainers,
                    elements + moreElements, retainedBytes + moreRetained, example, classLoaders + moreLoaders, holds,
                    words, keyClass, valueClass, examples, configuration, holder);
        }
    }

    /**
     * Objects of one class held inside a container group.
     *
     * @param inside true for the container's own insides (tables, nodes, segments): counted as held, but
     *               not shown as what accumulates
     */
    public record Held(String className, long instances, long shallowBytes, boolean classLoader, boolean inside) {
    }
}

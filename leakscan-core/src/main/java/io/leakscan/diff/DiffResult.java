package io.leakscan.diff;

import java.util.List;

/**
 * What {@code leakscan diff} found across two or more dumps: plain data for the renderers (no heap).
 * Arrays have one entry per dump, in the order given. Immutable by convention; thread-safe.
 *
 * @param schemaVersion           JSON layout version (docs/json.md)
 * @param snapshots               one per dump
 * @param heapGrowthBytes         used heap, last minus first
 * @param heapGrowthBytesPerHour  the same per hour of dump time, or null when the dumps' times do not allow it
 * @param suspects                ranked leak suspects, best first
 * @param classes                 per-class deltas, sorted as asked
 * @param gates                   CI gates and their verdicts (empty when none was set)
 * @param warnings                things to know before trusting the numbers
 * @param complete                false when any dump was cut short: the numbers, and any verdict, rest on
 *                                partial data
 */
public record DiffResult(int schemaVersion, List<Snapshot> snapshots, long heapGrowthBytes,
        Double heapGrowthBytesPerHour, List<Suspect> suspects, List<ClassDelta> classes, List<Gate> gates,
        List<String> warnings, boolean complete) {

    public static final int SCHEMA_VERSION = 1;

    /** The same result with only the first {@code top} class rows (0 keeps all). */
    public DiffResult withTopClasses(int top) {
        List<ClassDelta> rows = top > 0 && classes.size() > top ? List.copyOf(classes.subList(0, top)) : classes;
        return new DiffResult(schemaVersion, snapshots, heapGrowthBytes, heapGrowthBytesPerHour, suspects, rows, gates,
                warnings, complete);
    }

    /** The same result with the gates' verdicts. */
    public DiffResult withGates(List<Gate> verdicts) {
        return new DiffResult(schemaVersion, snapshots, heapGrowthBytes, heapGrowthBytesPerHour, suspects, classes,
                List.copyOf(verdicts), warnings, complete);
    }

    /** True when a gate was crossed. */
    public boolean failed() {
        return gates.stream().anyMatch(g -> g.evaluated() && !g.passed());
    }

    /** True when gates were set but not evaluated, because an input is partial and that was not allowed. */
    public boolean gatesNotEvaluated() {
        return gates.stream().anyMatch(g -> !g.evaluated());
    }

    /** The dumps that were cut short, in the order given. */
    public List<Snapshot> partialSnapshots() {
        return snapshots.stream().filter(s -> !s.complete()).toList();
    }

    /**
     * One dump.
     *
     * @param complete   false when the dump was cut short and only what precedes the cut was compared
     * @param truncation where and why it ends early, or null
     */
    public record Snapshot(String file, String timestamp, long objects, long usedHeapBytes, boolean complete,
            String truncation) {
    }

    /**
     * One class name across the dumps.
     *
     * @param status  {@code new} (absent from the first dump), {@code vanished} (absent from the last), or {@code present}
     * @param loaders number of class loaders defining a class of this name, per dump
     */
    public record ClassDelta(String className, String status, long[] instances, long[] shallowBytes,
            long[] retainedBytes, int[] loaders, long instancesDelta, long shallowBytesDelta, long retainedBytesDelta) {
    }

    /**
     * A structure that grew.
     *
     * @param rank               1 for the most likely leak
     * @param kind               cache, listeners, collection, array, thread-local, class-loader, class
     * @param path               how it is held from a GC root (classes and fields)
     * @param containerClass     class of the container(s)
     * @param instances          how many containers share this path, per dump
     * @param elements           their logical elements (map sizes, list sizes), per dump
     * @param retainedBytes      their retained size, per dump
     * @param growthBytesPerHour retained growth per hour of dump time, or null
     * @param accumulates        what piles up inside, with its share of the growth
     * @param shareOfGrowth      this suspect's share of the whole heap's growth (0–1)
     * @param score              0–100: how sure leakscan is that this leaks
     * @param reasons            the score in words
     * @param example            one of the containers in the last dump
     * @param container          the container in plain words ("Guava cache", "CopyOnWriteArrayList of listeners")
     * @param holder             who really holds it when the path does not say (a ThreadLocal's static), or null
     * @param keyClass           most common key class in the last dump, or null
     * @param valueClass         most common value (element) class in the last dump, or null
     * @param examples           a few keys (or elements) in the last dump, strings shortened
     * @param configuration      a cache's bounds as the dump shows them ("no maximum size, no expiry"), or null
     * @param steady             true when it grew in every interval of three or more dumps
     * @param fix                what to do about it, in one line
     */
    public record Suspect(int rank, String kind, String path, String containerClass, long[] instances,
            long[] elements, long[] retainedBytes, Double growthBytesPerHour, List<Accumulation> accumulates,
            double shareOfGrowth, int score, List<String> reasons, String example, String container, String holder,
            String keyClass, String valueClass, List<String> examples, String configuration, boolean steady,
            String fix) {

        /** The same suspect at another rank. */
        public Suspect withRank(int newRank) {
            return new Suspect(newRank, kind, path, containerClass, instances, elements, retainedBytes,
                    growthBytesPerHour, accumulates, shareOfGrowth, score, reasons, example, container, holder,
                    keyClass, valueClass, examples, configuration, steady, fix);
        }
    }

    /** A class piling up inside a suspect: its shallow bytes' growth and share of the suspect's growth. */
    public record Accumulation(String className, long instancesGrowth, long bytesGrowth, double share) {
    }
}

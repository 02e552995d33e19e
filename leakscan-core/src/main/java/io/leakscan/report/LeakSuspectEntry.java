package io.leakscan.report;

import java.util.List;

/**
 * A leak suspect as MAT's leak report finds it.
 *
 * @param rank              1 for the biggest
 * @param kind              {@code object} (one object) or {@code class} (many top-level dominators of one class)
 * @param suspect           the object, or for a group the class object
 * @param className         class of the object or of the group's members
 * @param instances         1, or the group's number of objects
 * @param retainedBytes     retained by the object, or by the group's objects together
 * @param retainedPercent   as a percentage of the used heap
 * @param accumulationPoint where the memory piles up, or null when none is found
 * @param pathFromGcRoot    shortest path from a GC root to the accumulation point (or to the suspect)
 * @param description       one sentence for people
 * @param container         the container at (or holding) the accumulation point, in plain words with the
 *                          object, e.g. {@code Guava cache (com.google.common.cache.LocalCache$LocalManualCache @ 0x…)},
 *                          by the same registry as {@code diff}; null when none is on the path
 * @param entries           that container's entries, or null
 * @param holder            the path step that holds that container ({@code static com.acme.Store.CACHE}), or null
 */
public record LeakSuspectEntry(int rank, String kind, ObjectRef suspect, String className, long instances,
        long retainedBytes, double retainedPercent, ObjectRef accumulationPoint, List<PathStep> pathFromGcRoot,
        String description, String container, Long entries, String holder) {
}

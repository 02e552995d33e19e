package io.leakscan.report;

import java.util.List;

/**
 * What {@code leakscan inspect} reports. Immutable; see {@code docs/json.md}.
 *
 * @param schemaVersion version of the JSON layout
 * @param file          the dump as given on the command line
 * @param classes       one entry per {@code --class}
 * @param objects       every object inspected: the addresses given, then each class's biggest instances
 */
public record InspectReport(int schemaVersion, String file, List<InspectedClass> classes,
        List<InspectedObject> objects) {
    public static final int SCHEMA_VERSION = 1;

    /**
     * One object in detail.
     *
     * @param object             the object, with shallow and retained bytes
     * @param reachable          false for an object no GC root reaches (left out of the analysis, as MAT does
     *                           by default: retained sizes 0, no dominator, no path)
     * @param retainedObjects    number of objects in its retained set, itself included
     * @param gcRootKinds        its GC root kinds (MAT's names), empty when it is not a root
     * @param immediateDominator the object that dominates it, null when only the GC roots do
     * @param dominatedCount     how many objects it immediately dominates
     * @param dominated          those objects, biggest first (the first {@code --top})
     * @param fields             its field values (statics for a class object, first elements for an array)
     * @param referrerCount      number of objects that refer to it; null unless {@code --referrers}
     * @param referrers          the first of them with the reference's name; null unless {@code --referrers}
     * @param pathFromGcRoot     its shortest path from a GC root, root first
     */
    public record InspectedObject(ObjectRef object, boolean reachable, long retainedObjects, List<String> gcRootKinds,
            ObjectRef immediateDominator, int dominatedCount, List<ObjectRef> dominated, List<FieldEntry> fields,
            Long referrerCount, List<Referrer> referrers, List<PathStep> pathFromGcRoot) {
    }

    /**
     * A field and its value.
     *
     * @param name           field name, {@code static NAME}, or {@code [i]} for an array element
     * @param declaringClass declaring class (the array's class for elements)
     * @param type           {@code int}, {@code boolean}… or {@code reference}
     * @param value          the value as text: a number, {@code null}, a quoted string, {@code class @ 0xaddress}…
     * @param address        the referenced object's address; null for primitives and null references
     */
    public record FieldEntry(String name, String declaringClass, String type, String value, String address) {
    }

    /**
     * An incoming reference.
     *
     * @param object    the referring object
     * @param reference how it refers: field name, {@code [i]}, {@code static NAME}, {@code <class>}…
     */
    public record Referrer(ObjectRef object, String reference) {
    }

    /**
     * A class's instances.
     *
     * @param className        the name asked for
     * @param includesSubclasses whether instances of its subclasses were counted
     * @param classes          the classes counted (several when loaded by several loaders or with subclasses)
     * @param instances        reachable instances
     * @param shallowBytes     their shallow total
     * @param retainedBytes    exact retained size of the class object(s) and all instances together (the
     *                         histogram's figure for one class; for several, one search over the graph without them)
     * @param biggestInstances instances by retained size, biggest first (the first {@code --top})
     */
    public record InspectedClass(String className, boolean includesSubclasses, List<String> classes, long instances,
            long shallowBytes, long retainedBytes, List<ObjectRef> biggestInstances) {
    }
}

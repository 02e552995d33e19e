package io.leakscan.report;

import java.util.List;

/**
 * What {@code leakscan paths} reports: the merged shortest paths from the GC roots to a class's
 * instances, as a tree listed in depth-first order. Immutable; see {@code docs/json.md}.
 *
 * @param schemaVersion          version of the JSON layout
 * @param file                   the dump as given
 * @param className              the class asked for
 * @param includesSubclasses     whether instances of subclasses are targets too
 * @param includesWeakReferences whether paths may run through weak, soft, phantom and finalizer references
 * @param instances              reachable instances (the targets)
 * @param unreachedInstances     instances with no path (only weak-type references lead to them)
 * @param omittedRoots           GC roots not listed (beyond {@code --top})
 * @param omittedRootInstances   targets reached from them
 * @param nodes                  the tree, depth first, each branch's children by most instances first
 */
public record PathsReport(int schemaVersion, String file, String className, boolean includesSubclasses,
        boolean includesWeakReferences, long instances, long unreachedInstances, int omittedRoots,
        long omittedRootInstances, List<Node> nodes) {
    public static final int SCHEMA_VERSION = 1;

    /**
     * One node: an object on the paths.
     *
     * @param node             this node's number (its position in {@code nodes})
     * @param parent           the parent node's number, -1 for a GC root
     * @param depth            0 for a GC root
     * @param label            the object, with a thread's name where it is one
     * @param object           the object itself, with its own shallow and retained bytes
     * @param reference        how the parent refers to it (field name, {@code [i]}, {@code static NAME}…); null for a root
     * @param gcRootKinds      for a GC root, its kinds (MAT's names); empty otherwise
     * @param instances        targets whose path runs through this node
     * @param shallowBytes     their shallow total
     * @param retainedBytes    the sum of their own retained sizes
     * @param omittedBranches  child branches not listed (beyond {@code --top})
     * @param omittedInstances targets reached through those branches
     */
    public record Node(int node, int parent, int depth, String label, ObjectRef object, String reference,
            List<String> gcRootKinds, long instances, long shallowBytes, long retainedBytes, int omittedBranches,
            long omittedInstances) {
    }
}

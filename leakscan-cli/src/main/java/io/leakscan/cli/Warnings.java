package io.leakscan.cli;

import io.leakscan.heap.DumpInfo;
import io.leakscan.heap.HeapSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Things the reader worked around, worded for the report's warning lines. */
final class Warnings {
    private Warnings() {
    }

    static List<String> of(HeapSnapshot s) {
        DumpInfo i = s.info();
        List<String> w = new ArrayList<>();
        if (!i.complete()) {
            w.add(String.format(java.util.Locale.ROOT,
                    "%s is truncated: it ends at byte offset %,d inside a record (%s); the analysis covers only the"
                            + " objects written before that point, so sizes are lower bounds (--strict makes this an error)",
                    i.file(), i.readBytes(), i.truncation()));
        }
        if (i.danglingRoots() > 0) {
            w.add(i.danglingRoots() + (i.danglingRoots() == 1 ? " GC root record names an object" : " GC root records name objects")
                    + " missing from the dump; ignored");
        }
        if (i.syntheticClasses() > 0) {
            w.add(i.syntheticClasses() + (i.syntheticClasses() == 1 ? " class is" : " classes are")
                    + " referenced but not described in the dump; placeholders were made");
        }
        return w;
    }
}

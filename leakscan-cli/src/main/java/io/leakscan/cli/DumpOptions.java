package io.leakscan.cli;

import io.leakscan.heap.HeapLoader;
import io.leakscan.heap.HeapSnapshot;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How to read a dump (a picocli mixin shared by the commands that read dumps). */
public final class DumpOptions {
    @Option(names = "--snapshot", paramLabel = "N", defaultValue = "0",
            description = "Which heap dump to read when the file holds several (1-based).")
    int snapshot;

    @Option(names = "--keep-unreachable",
            description = "Keep objects no GC root reaches, making them roots of kind 'Unreachable' as MAT's option does.")
    boolean keepUnreachable;

    @Option(names = "--strict",
            description = "Treat a truncated dump as an error (exit 3) instead of analysing what was written before the cut.")
    boolean strict;

    HeapSnapshot load(Path dump) {
        return HeapLoader.load(dump, snapshot, strict);
    }

    /** Reads the dump as the phase "reading NAME", with a progress bar over the file's bytes. */
    HeapSnapshot load(Path dump, Phases phases) {
        return phases.run("reading " + dump.getFileName(), true, () -> {
            ProgressDisplay bar = phases.progress();
            long size;
            try {
                size = java.nio.file.Files.size(dump);
            } catch (java.io.IOException | RuntimeException e) {
                size = 1;
            }
            bar.startBytes("reading " + dump.getFileName(), size);
            HeapSnapshot s = HeapLoader.load(dump, snapshot, strict, (done, total) -> bar.bytesDone(done));
            // The denominators of docs/memory.md's bytes per object and per reference.
            phases.note(String.format("%,d objects, %,d references", s.objectCount(), s.graph().referenceCount()));
            return s;
        });
    }
}

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
}

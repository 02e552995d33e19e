package io.leakscan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report to the file named by {@code -o/--output}, creating its folder. Stateless. */
final class OutputFile {
    private OutputFile() {
    }

    /** @throws IoFailure (exit 3) when the file cannot be written: the analysis was fine, the disk was not */
    static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw IoFailure.cannotWrite(file, e);
        }
    }
}

package io.leakscan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Writes a report to the file named by {@code -o/--output} (or the HTML default), creating its folder. Stateless. */
final class OutputFile {
    /** Where an HTML report goes without --output: the current directory, never beside the dump. */
    static final String HTML_DEFAULT = "leakscan-report.html";

    private OutputFile() {
    }

    /**
     * Writes {@code text} (UTF-8) to {@code file}; returns the file.
     *
     * @throws IoFailure (exit 3) when the file cannot be written: the analysis was fine, the disk was not
     */
    static Path write(Path file, String text) {
        return write(file, out -> print(out, text));
    }

    /** Lets {@code writer} write the file (UTF-8, buffered); returns the file. Same failure as above. */
    static Path write(Path file, Consumer<Writer> writer) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file)) {
                writer.accept(out);
            }
            return file;
        } catch (IOException e) {
            throw IoFailure.cannotWrite(file, e);
        } catch (UncheckedIOException e) {
            throw IoFailure.cannotWrite(file, e.getCause());
        }
    }

    /** Writes {@code text}, turning an I/O failure into an unchecked one (for {@link #write(Path, Consumer)}). */
    static void print(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

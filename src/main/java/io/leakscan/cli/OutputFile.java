package io.leakscan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Writes a report to the file named by --output (or the HTML default), creating its folder. */
final class OutputFile {
    /** Where an HTML report goes without --output: the current directory, never beside the dump. */
    static final String HTML_DEFAULT = "leakscan-report.html";

    private OutputFile() {
    }

    /** Writes {@code text} (UTF-8) to {@code file}; returns the file. */
    static Path write(CommandSpec spec, Path file, String text) {
        return write(spec, file, out -> print(out, text));
    }

    /** Lets {@code writer} write the file (UTF-8, buffered); returns the file. */
    static Path write(CommandSpec spec, Path file, Consumer<Writer> writer) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file)) {
                writer.accept(out);
            }
            return file;
        } catch (IOException | UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), "cannot write --output " + file + ": " + e.getMessage());
        }
    }

    /** Writes {@code text}, turning an I/O failure into an unchecked one (for {@link #write(CommandSpec, Path, Consumer)}). */
    static void print(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

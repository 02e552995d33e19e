package io.leakscan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot write --output " + file + ": " + e.getMessage());
        }
    }
}

package io.leakscan.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakscan.diff.DumpSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saved summaries (baselines): what {@code leakscan summarize} writes and {@code diff} accepts in place of
 * a dump. A JSON object {@code {"leakscanSummary": 1, "summary": {…}}}; kilobytes, not the dump.
 * Thread-safe.
 */
public final class SummaryJson {
    /** Version of the summary file layout. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file layout. */
    public record SummaryFile(int leakscanSummary, DumpSummary summary) {
    }

    private SummaryJson() {
    }

    /** True when {@code file} starts like a JSON object rather than a heap dump. Reads a few bytes. */
    public static boolean looksLikeSummary(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            int b;
            do {
                b = in.read();
            } while (b == ' ' || b == '\n' || b == '\r' || b == '\t');
            return b == '{';
        } catch (IOException e) {
            return false;
        }
    }

    public static void write(DumpSummary summary, Path file) throws IOException {
        Files.writeString(file, toJson(summary));
    }

    /** Compact JSON (one line): summaries are for machines and should stay small. */
    public static String toJson(DumpSummary summary) {
        try {
            return MAPPER.writeValueAsString(new SummaryFile(VERSION, summary)) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a summary.
     *
     * @throws IllegalArgumentException naming the file when it is not a summary leakscan wrote
     */
    public static DumpSummary read(Path file) throws IOException {
        SummaryFile f;
        try {
            f = MAPPER.readValue(file.toFile(), SummaryFile.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": not a leakscan summary (" + e.getOriginalMessage() + ")");
        }
        if (f.leakscanSummary() != VERSION || f.summary() == null) {
            throw new IllegalArgumentException(file + ": not a leakscan summary of version " + VERSION);
        }
        return f.summary();
    }
}

package io.leakscan.report.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes report records as JSON (layout documented in {@code docs/json.md}). Jackson lives here and
 * nowhere else. Thread-safe (the mapper is configured once and only used to write).
 */
public final class JsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            // Pure ASCII (\u2192 for the arrow, and any non-ASCII class name escaped): the same bytes whatever
            // the locale of the terminal or CI log, so no character is ever lost as '?'.
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    private JsonRenderer() {
    }

    /**
     * Writes the record as pretty-printed JSON, ending in a newline, straight to {@code out} (a big
     * report never exists as one string). Flushes, does not close.
     */
    public static void write(Object report, java.io.Writer out) {
        try {
            MAPPER.writeValue(out, report);
            out.write(System.lineSeparator());
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** The record as JSON on one line (for embedding, e.g. in the HTML report). */
    public static String compact(Object report) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** The record as pretty-printed JSON, ending in a newline. */
    public static String render(Object report) {
        try {
            return MAPPER.writeValueAsString(report) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}

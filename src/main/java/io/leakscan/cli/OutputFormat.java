package io.leakscan.cli;

/** Output formats. */
public enum OutputFormat {
    text, json
}

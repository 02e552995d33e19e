package io.leakscan.cli;

/** Output formats of {@code analyze}. */
public enum OutputFormat {
    text, json, html
}

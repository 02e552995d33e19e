package io.leakscan.cli;

/** Output formats of {@code diff}. */
public enum DiffFormat {
    text, json, markdown, junit, html
}

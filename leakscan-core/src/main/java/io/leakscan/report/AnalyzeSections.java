package io.leakscan.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code analyze}'s JSON: the {@link AnalyzeReport}'s fields, then the second-step sections — top
 * consumers, threads and memory waste — each null when it was not asked for (then left out). Immutable.
 *
 * @param report       the report of {@code analyze} (its fields appear at the top level)
 * @param topConsumers retained bytes by class, package and class loader
 * @param threads      the threads (as {@code leakscan threads})
 * @param waste        memory that could be saved (as {@code leakscan waste})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalyzeSections(@JsonUnwrapped AnalyzeReport report, TopConsumersReport topConsumers,
        ThreadsReport threads, WasteReport waste) {
}

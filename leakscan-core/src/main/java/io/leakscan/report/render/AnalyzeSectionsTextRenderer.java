package io.leakscan.report.render;

import io.leakscan.report.AnalyzeSections;

/** Renders {@code analyze}'s report followed by its second-step sections. Stateless. */
public final class AnalyzeSectionsTextRenderer {
    private AnalyzeSectionsTextRenderer() {
    }

    public static String render(AnalyzeSections s) {
        return render(s, false);
    }

    /** As {@link #render(AnalyzeSections)}; {@code verbose} adds the report's verbose-only lines. */
    public static String render(AnalyzeSections s, boolean verbose) {
        StringBuilder out = new StringBuilder(AnalyzeTextRenderer.render(s.report(), verbose));
        if (s.topConsumers() != null) {
            out.append('\n').append(TopConsumersTextRenderer.render(s.topConsumers()));
        }
        if (s.threads() != null) {
            out.append('\n').append(ThreadsTextRenderer.render(s.threads()));
        }
        if (s.waste() != null) {
            out.append('\n').append(WasteTextRenderer.render(s.waste()));
        }
        return out.toString();
    }
}

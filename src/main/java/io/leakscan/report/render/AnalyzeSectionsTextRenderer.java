package io.leakscan.report.render;

import io.leakscan.report.AnalyzeSections;

/** Renders {@code analyze}'s report followed by its second-step sections. Stateless. */
public final class AnalyzeSectionsTextRenderer {
    private AnalyzeSectionsTextRenderer() {
    }

    public static String render(AnalyzeSections s) {
        StringBuilder out = new StringBuilder(AnalyzeTextRenderer.render(s.report()));
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

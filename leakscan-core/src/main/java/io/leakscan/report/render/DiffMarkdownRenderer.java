package io.leakscan.report.render;

import io.leakscan.diff.DiffResult;
import io.leakscan.diff.Gate;
import io.leakscan.diff.Gates;
import io.leakscan.util.Sizes;
import java.util.Locale;

/** Renders a {@link DiffResult} as GitHub-flavoured markdown, for a pull-request comment or a job summary. Stateless. */
public final class DiffMarkdownRenderer {
    private DiffMarkdownRenderer() {
    }

    public static String render(DiffResult r) {
        StringBuilder out = new StringBuilder();
        boolean failed = r.failed();
        String verdict = r.gates().isEmpty() ? "heap diff"
                : r.gatesNotEvaluated() ? "⚠️ memory gates not evaluated: partial input"
                : failed ? "❌ memory gate crossed" : "✅ memory gates passed";
        out.append("## leakscan: ").append(verdict)
                .append(!r.gates().isEmpty() && !r.gatesNotEvaluated() && !r.complete() ? " (on partial data)" : "")
                .append("\n\n");
        if (!r.complete()) {
            out.append("> **Partial data:** ").append(esc(Gates.partialInputs(r))).append("\n\n");
        }
        for (String w : r.warnings()) {
            out.append("> **Warning:** ").append(esc(w)).append("\n\n");
        }
        int last = r.snapshots().size() - 1;
        out.append(String.format(Locale.ROOT, "Used heap **%s → %s** (%s%s)%s.\n\n",
                Sizes.human(r.snapshots().get(0).usedHeapBytes()), Sizes.human(r.snapshots().get(last).usedHeapBytes()),
                r.heapGrowthBytes() >= 0 ? "+" : "-", Sizes.human(Math.abs(r.heapGrowthBytes())),
                r.heapGrowthBytesPerHour() == null ? ""
                        : ", " + Sizes.human(Math.round(r.heapGrowthBytesPerHour())) + " per hour"));
        if (!r.gates().isEmpty()) {
            out.append("| Gate | Limit | Result |\n|---|---|---|\n");
            for (Gate g : r.gates()) {
                out.append("| `").append(esc(g.name())).append("` | ").append(esc(g.limit())).append(" | ")
                        .append(!g.evaluated() ? "⚠️ " : g.passed() ? "✅ " : "❌ ").append(esc(g.message())).append(" |\n");
            }
            out.append('\n');
        }
        out.append("### Leak suspects\n\n");
        if (r.suspects().isEmpty()) {
            out.append("None: nothing grew past the threshold.\n\n");
        } else {
            out.append("| # | Kind | Container | Held by | Entries | Retained | Score |\n|---|---|---|---|---|---|---|\n");
            for (DiffResult.Suspect s : r.suspects()) {
                int l = s.retainedBytes().length - 1;
                out.append(String.format(Locale.ROOT, "| %d | %s | %s | `%s` | %,d → %,d | %s → %s | %d |\n", s.rank(),
                        s.kind(), esc(s.container() == null ? s.containerClass() : s.container()), esc(s.path()),
                        s.elements()[0], s.elements()[l],
                        Sizes.human(s.retainedBytes()[0]), Sizes.human(s.retainedBytes()[l]), s.score()));
            }
            out.append('\n');
        }
        out.append("<details><summary>Classes by change</summary>\n\n| Δ retained | Δ instances | Class |\n|---|---|---|\n");
        for (DiffResult.ClassDelta c : r.classes()) {
            out.append(String.format(Locale.ROOT, "| %s%s | %+,d | `%s` |\n", c.retainedBytesDelta() >= 0 ? "+" : "-",
                    Sizes.human(Math.abs(c.retainedBytesDelta())), c.instancesDelta(), esc(c.className())));
        }
        out.append("\n</details>\n");
        return out.toString();
    }

    private static String esc(String s) {
        return s.replace("|", "\\|");
    }
}

package io.leakscan.report.render;

import io.leakscan.diff.DiffResult;
import io.leakscan.diff.Gates;
import io.leakscan.util.Sizes;
import java.util.List;
import java.util.Locale;

/** Renders a {@link DiffResult} for people: dumps, growth, suspects first, then the class deltas. Stateless. */
public final class DiffTextRenderer {
    private DiffTextRenderer() {
    }

    public static String render(DiffResult r, boolean all) {
        StringBuilder out = new StringBuilder();
        for (String w : r.warnings()) {
            out.append("WARNING: ").append(w).append('\n');
        }
        List<DiffResult.Snapshot> snaps = r.snapshots();
        Table dumps = new Table(new String[] {"#", "Taken", "Objects", "Used heap", "Dump"},
                new boolean[] {true, false, true, true, false});
        for (int i = 0; i < snaps.size(); i++) {
            DiffResult.Snapshot s = snaps.get(i);
            dumps.add(String.valueOf(i + 1), s.timestamp(), String.format(Locale.ROOT, "%,d", s.objects()),
                    Sizes.human(s.usedHeapBytes()), s.file());
        }
        dumps.render(out, "");
        out.append(String.format(Locale.ROOT, "Heap %s by %s", r.heapGrowthBytes() >= 0 ? "grew" : "shrank",
                Sizes.human(Math.abs(r.heapGrowthBytes()))));
        if (r.heapGrowthBytesPerHour() != null) {
            out.append(" (").append(Sizes.human(Math.round(r.heapGrowthBytesPerHour()))).append(" per hour)");
        } else if (snaps.size() > 1) {
            out.append(" (").append(r.heapGrowthBytesPerHour() == null && r.heapGrowthBytes() < 0 ? "-" : "")
                    .append(Sizes.human(Math.abs(r.heapGrowthBytes()) / (snaps.size() - 1)))
                    .append(" per interval; dumps under a minute apart give no hourly rate)");
        }
        out.append("\n\n");

        if (!r.gates().isEmpty()) {
            if (r.gatesNotEvaluated()) {
                out.append("Gates: NOT EVALUATED: ").append(Gates.partialInputs(r))
                        .append(" (--allow-partial evaluates them anyway)\n");
            } else {
                out.append(r.failed() ? "Gates: FAILED" : "Gates: passed");
                out.append(r.complete() ? "\n" : " ON PARTIAL DATA: " + Gates.partialInputs(r) + "\n");
            }
            for (io.leakscan.diff.Gate g : r.gates()) {
                if (!g.evaluated()) {
                    out.append("  skip  ").append(g.name()).append(" (").append(g.limit()).append(")\n");
                    continue;
                }
                out.append("  ").append(g.passed() ? "pass  " : "FAIL  ").append(g.name()).append(" (").append(g.limit())
                        .append("): ").append(g.message()).append('\n');
                for (String d : g.details()) {
                    out.append("        ").append(d).append('\n');
                }
            }
            out.append('\n');
        }
        out.append(all ? "Structures that grew\n" : "Leak suspects\n");
        if (r.suspects().isEmpty()) {
            out.append("  none: no collection, cache, listener list or array grew past the threshold"
                    + (all ? "" : " (--all shows every growth)") + "\n");
        }
        for (DiffResult.Suspect s : r.suspects()) {
            renderSuspect(out, s);
        }

        out.append("\nClasses by change (top ").append(r.classes().size()).append(")\n");
        Table t = new Table(new String[] {"Δ retained", "Δ instances", "Retained", "Instances", "Class"},
                new boolean[] {true, true, false, false, false});
        for (DiffResult.ClassDelta c : r.classes()) {
            String name = c.className();
            if (java.util.Arrays.stream(c.loaders()).max().orElse(0) > 1) {
                name += " (loaders " + intSeries(c.loaders()) + ")";
            }
            if (!c.status().equals("present")) {
                name += " [" + c.status() + "]";
            }
            t.add(signed(c.retainedBytesDelta(), true), signed(c.instancesDelta(), false),
                    series(c.retainedBytes(), true), series(c.instances(), false), name);
        }
        t.render(out, "  ");
        return out.toString();
    }

    private static void renderSuspect(StringBuilder out, DiffResult.Suspect s) {
        int last = s.retainedBytes().length - 1;
        String container = s.container() == null ? s.containerClass() : s.container();
        out.append(String.format(Locale.ROOT, "  %d. %s: %s, score %d%s\n", s.rank(), s.kind(), container, s.score(),
                s.instances()[last] > 1
                        ? String.format(Locale.ROOT, " (%,d containers on this path)", s.instances()[last]) : ""));
        out.append("     held by ").append(s.path()).append('\n');
        if (s.holder() != null) {
            out.append("     declared by ").append(s.holder()).append('\n');
        }
        if (!s.kind().equals("class") && s.example() != null) {
            out.append("     object ").append(s.example()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "     %s %s; retained %s\n", s.kind().equals("class") ? "instances"
                : "entries", series(s.elements(), false), series(s.retainedBytes(), true)));
        if (s.keyClass() != null || s.valueClass() != null) {
            out.append("     ");
            if (s.keyClass() != null) {
                out.append("keys ").append(s.keyClass()).append(examples(s)).append("; ");
            }
            out.append(s.keyClass() != null ? "values " : "elements ").append(s.valueClass() == null ? "?" : s.valueClass())
                    .append(s.keyClass() == null ? examples(s) : "").append('\n');
        }
        if (s.configuration() != null) {
            out.append("     configuration: ").append(s.configuration()).append('\n');
        }
        if (!s.accumulates().isEmpty()) {
            out.append("     accumulates: ");
            for (int i = 0; i < s.accumulates().size(); i++) {
                DiffResult.Accumulation a = s.accumulates().get(i);
                out.append(i == 0 ? "" : ", ").append(a.className())
                        .append(String.format(Locale.ROOT, " %.0f%%", a.share() * 100));
            }
            out.append('\n');
        }
        out.append("     why: ").append(String.join("; ", s.reasons())).append('\n');
        if (s.fix() != null) {
            out.append("     fix: ").append(s.fix()).append('\n');
        }
    }

    private static String examples(DiffResult.Suspect s) {
        return s.examples() == null || s.examples().isEmpty() ? "" : " (e.g. " + String.join(", ", s.examples()) + ")";
    }

    private static String series(long[] values, boolean bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : " → ").append(bytes ? Sizes.human(values[i]) : String.format(Locale.ROOT, "%,d", values[i]));
        }
        return sb.toString();
    }

    private static String intSeries(int[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : " → ").append(values[i]);
        }
        return sb.toString();
    }

    private static String signed(long v, boolean bytes) {
        String s = bytes ? Sizes.human(Math.abs(v)) : String.format(Locale.ROOT, "%,d", Math.abs(v));
        return (v > 0 ? "+" : v < 0 ? "-" : "") + s;
    }
}

package io.leakscan.report.render;

import io.leakscan.report.ObjectRef;
import io.leakscan.report.ThreadsReport;
import io.leakscan.util.Sizes;
import java.util.Locale;

/** Renders a {@link ThreadsReport} for people. Stateless. */
public final class ThreadsTextRenderer {
    /** Frames shown per thread in text (JSON has them all). */
    private static final int FRAMES = 20;

    private ThreadsTextRenderer() {
    }

    public static String render(ThreadsReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Threads (").append(r.threads().size()).append("), biggest retained first\n");
        Table t = new Table(new String[] {"Retained", "%", "State", "Thread"}, new boolean[] {true, true, false, false});
        for (ThreadsReport.ThreadEntry e : r.threads()) {
            t.add(Sizes.human(e.object().retainedBytes()), String.format(Locale.ROOT, "%.1f", e.object().retainedPercent()),
                    e.state() == null ? "-" : e.state(), name(e));
        }
        t.render(out, "  ");
        for (ThreadsReport.ThreadEntry e : r.threads()) {
            if (e.frames().isEmpty() && e.locals().isEmpty() && e.threadLocalValues().isEmpty()) {
                continue;
            }
            out.append('\n').append("  ").append(name(e)).append(e.state() == null ? "" : " " + e.state()).append(", retains ")
                    .append(Sizes.human(e.object().retainedBytes())).append('\n');
            for (int i = 0; i < Math.min(FRAMES, e.frames().size()); i++) {
                out.append("      at ").append(e.frames().get(i)).append('\n');
            }
            if (e.frames().size() > FRAMES) {
                out.append("      … ").append(e.frames().size() - FRAMES).append(" more frames\n");
            }
            if (!e.locals().isEmpty()) {
                out.append("    held by its frames (").append(e.localCount()).append(")\n");
                for (ThreadsReport.Local l : e.locals()) {
                    out.append("      ").append(size(l.object())).append("  ").append(l.object().object())
                            .append(l.method() != null ? "  in " + l.method() : "").append('\n');
                }
            }
            if (!e.threadLocalValues().isEmpty()) {
                out.append("    ThreadLocal values (").append(e.threadLocalCount()).append(")\n");
                for (ObjectRef v : e.threadLocalValues()) {
                    out.append("      ").append(size(v)).append("  ").append(v.object()).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String name(ThreadsReport.ThreadEntry e) {
        return (e.name() == null ? "" : "\"" + e.name() + "\" ") + e.object().object();
    }

    private static String size(ObjectRef o) {
        return String.format(Locale.ROOT, "%10s", Sizes.human(o.retainedBytes()));
    }
}

package io.leakscan.report;

import io.leakscan.analysis.HeapAnalysis;
import io.leakscan.analysis.ObjectInspector;
import io.leakscan.analysis.Threads;
import io.leakscan.heap.DumpContents;
import io.leakscan.heap.HeapSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link ThreadsReport} from the analysis and a {@link DumpContents} read with stacks and with
 * {@link Threads#objectsToRead} (names and states then need no further pass). Not thread-safe.
 */
public final class ThreadsReportBuilder {
    // JVMTI thread state bits, as java.lang.Thread's threadStatus holds them
    private static final int ALIVE = 0x0001;
    private static final int TERMINATED = 0x0002;
    private static final int RUNNABLE = 0x0004;
    private static final int WAITING_INDEFINITELY = 0x0010;
    private static final int WAITING_WITH_TIMEOUT = 0x0020;
    private static final int BLOCKED_ON_MONITOR_ENTER = 0x0400;

    private ThreadsReportBuilder() {
    }

    public static ThreadsReport build(HeapAnalysis analysis, DumpContents contents, int[] threads, int top) {
        HeapSnapshot s = analysis.snapshot();
        ObjectInspector inspector = new ObjectInspector(s);
        inspector.addLoaded(contents.objects());
        List<ThreadsReport.ThreadEntry> entries = new ArrayList<>();
        for (Threads.ThreadInfo t : Threads.of(analysis, contents, threads, top)) {
            List<DumpContents.Frame> stack = contents.stack(t.thread());
            List<String> frames = new ArrayList<>();
            for (DumpContents.Frame f : stack) {
                frames.add(f.toString());
            }
            List<ThreadsReport.Local> locals = new ArrayList<>();
            for (Threads.Local l : t.locals()) {
                String method = l.frame() >= 0 && l.frame() < stack.size()
                        ? stack.get(l.frame()).className() + "." + stack.get(l.frame()).method() : null;
                locals.add(new ThreadsReport.Local(l.frame(), method, ObjectRefs.of(analysis, l.object(), inspector)));
            }
            List<ObjectRef> values = new ArrayList<>();
            for (int v : t.threadLocalValues()) {
                values.add(ObjectRefs.of(analysis, v, inspector));
            }
            entries.add(new ThreadsReport.ThreadEntry(inspector.threadName(t.thread()), state(s, inspector, t.thread()),
                    ObjectRefs.of(analysis, t.thread()), frames, t.localCount(), locals, t.threadLocalCount(), values));
        }
        return new ThreadsReport(entries);
    }

    /** Thread.State from threadStatus (on the thread up to JDK 18, on its FieldHolder since 19), as the JDK maps it. */
    private static String state(HeapSnapshot s, ObjectInspector inspector, int thread) {
        Long status = inspector.primitiveField(thread, "threadStatus");
        if (status == null) {
            int holder = s.fieldTarget(thread, "holder");
            status = holder >= 0 ? inspector.primitiveField(holder, "threadStatus") : null;
        }
        if (status == null) {
            return null;
        }
        long v = status;
        if ((v & RUNNABLE) != 0) {
            return "RUNNABLE";
        } else if ((v & BLOCKED_ON_MONITOR_ENTER) != 0) {
            return "BLOCKED";
        } else if ((v & WAITING_INDEFINITELY) != 0) {
            return "WAITING";
        } else if ((v & WAITING_WITH_TIMEOUT) != 0) {
            return "TIMED_WAITING";
        } else if ((v & TERMINATED) != 0) {
            return "TERMINATED";
        } else if ((v & ALIVE) == 0) {
            return "NEW";
        }
        return "RUNNABLE";
    }
}

package io.leakscan.diff;

import io.leakscan.util.Sizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Evaluates {@link GateLimits} against a {@link DiffResult}. Stateless; thread-safe. */
public final class Gates {
    private Gates() {
    }

    /**
     * The gates' verdicts, unless an input is partial and {@code allowPartial} is false: then every gate is
     * returned not evaluated (and not passed), saying which dump is partial and where it ends. A verdict on
     * data that was not read is no verdict.
     *
     * @param allClasses every class delta (not only the rows shown), for class gates
     */
    public static List<Gate> evaluate(GateLimits limits, DiffResult r, List<DiffResult.ClassDelta> allClasses,
            boolean allowPartial) {
        List<Gate> gates = evaluate(limits, r, allClasses);
        if (r.complete() || allowPartial) {
            return gates;
        }
        String why = "not evaluated: " + partialInputs(r) + " (--allow-partial evaluates the gates anyway)";
        return gates.stream().map(g -> new Gate(g.name(), g.limit(), false, false, why, List.of())).toList();
    }

    /** Which dumps are partial and where each ends, in one phrase; empty when every dump is complete. */
    public static String partialInputs(DiffResult r) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < r.snapshots().size(); i++) {
            DiffResult.Snapshot s = r.snapshots().get(i);
            if (!s.complete()) {
                parts.add("dump " + (i + 1) + " (" + s.file() + ") is truncated: it " + s.truncation());
            }
        }
        return String.join("; ", parts);
    }

    /**
     * @param allClasses every class delta (not only the rows shown), for class gates
     */
    public static List<Gate> evaluate(GateLimits limits, DiffResult r, List<DiffResult.ClassDelta> allClasses) {
        List<Gate> gates = new ArrayList<>();
        long base = r.snapshots().get(0).usedHeapBytes();
        if (limits.maxGrowth() != null) {
            long limit = limits.maxGrowth().bytesFor(base);
            boolean passed = r.heapGrowthBytes() <= limit;
            String msg = String.format(Locale.ROOT, "used heap grew by %s (%,d bytes); the limit is %s (%,d bytes)",
                    Sizes.human(r.heapGrowthBytes()), r.heapGrowthBytes(), limits.maxGrowth().text(), limit);
            List<String> details = new ArrayList<>();
            if (!passed) {
                for (DiffResult.Suspect s : r.suspects()) {
                    details.add(describe(s));
                }
            }
            gates.add(new Gate("max-growth", limits.maxGrowth().text(), passed, msg, details));
        }
        for (GateLimits.ClassLimit cl : limits.classGrowth()) {
            long limit = cl.limit().bytesFor(base);
            List<String> over = new ArrayList<>();
            long worst = Long.MIN_VALUE;
            String worstName = null;
            for (DiffResult.ClassDelta c : allClasses) {
                if (!cl.matches(c.className())) {
                    continue;
                }
                if (c.retainedBytesDelta() > worst) {
                    worst = c.retainedBytesDelta();
                    worstName = c.className();
                }
                if (c.retainedBytesDelta() > limit) {
                    over.add(String.format(Locale.ROOT, "%s: retained %s → %s (+%s), instances %,d → %,d",
                            c.className(), Sizes.human(c.retainedBytes()[0]),
                            Sizes.human(c.retainedBytes()[c.retainedBytes().length - 1]),
                            Sizes.human(c.retainedBytesDelta()), c.instances()[0],
                            c.instances()[c.instances().length - 1]));
                }
            }
            String msg = worstName == null ? "no class matches " + cl.pattern()
                    : String.format(Locale.ROOT, "largest retained growth of a class matching %s: %s (+%s); the limit is %s",
                            cl.pattern(), worstName, Sizes.human(worst), cl.limit().text());
            gates.add(new Gate("max-class-growth " + cl.pattern(), cl.limit().text(), over.isEmpty(), msg, over));
        }
        if (limits.failOnSuspects() >= 0) {
            List<String> over = new ArrayList<>();
            for (DiffResult.Suspect s : r.suspects()) {
                if (s.score() >= limits.failOnSuspects()) {
                    over.add(describe(s));
                }
            }
            String msg = over.isEmpty() ? "no leak suspect scores " + limits.failOnSuspects() + " or more"
                    : over.size() + " leak suspect(s) score " + limits.failOnSuspects() + " or more";
            gates.add(new Gate("suspects", "score >= " + limits.failOnSuspects(), over.isEmpty(), msg, over));
        }
        return gates;
    }

    /** One line naming a suspect by its path, with its numbers. */
    public static String describe(DiffResult.Suspect s) {
        int last = s.retainedBytes().length - 1;
        return String.format(Locale.ROOT, "#%d %s %s held by %s: entries %,d → %,d, retained %s → %s (score %d)",
                s.rank(), s.kind(), s.container() == null ? s.containerClass() : s.container(), s.path(),
                s.elements()[0], s.elements()[last],
                Sizes.human(s.retainedBytes()[0]), Sizes.human(s.retainedBytes()[last]), s.score());
    }
}

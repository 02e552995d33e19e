package io.leakscan.diff;

import io.leakscan.analysis.ContainerKind;
import io.leakscan.diff.DumpSummary.ClassStats;
import io.leakscan.diff.DumpSummary.ContainerGroup;
import io.leakscan.diff.DumpSummary.Held;
import io.leakscan.util.Sizes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the summaries of two or more dumps of one application: per-class deltas, and the ranking of
 * the container groups that grew. Containers are matched by their path from the GC roots, never by
 * address. Works on summaries only (no heap), so it is cheap. Stateless; thread-safe.
 *
 * <p>Ranking: a group is a candidate when its retained size grew by at least the minimum growth and
 * its elements (or its number of containers) grew too — a full, bounded cache does not. Its score
 * rewards growth that continues across every interval over a one-off jump, then the share of the
 * heap's growth it explains. A group nested in another candidate is reported once: at the outer level
 * when the outer one gained elements (the inner ones are just more of them), else at the inner level.
 */
public final class DiffAnalysis {
    /** Ranking knobs. */
    public record Options(boolean all, long minGrowthBytes, String sort, int top) {
        public static Options defaults() {
            return new Options(false, -1, "retained", 15);
        }
    }

    /** Dumps closer together than this give growth per interval, not per hour. */
    public static final long MIN_RATE_SPAN_MILLIS = 60_000;
    /** Fewest new instances that can "grow spread over the heap": one or two new objects are holders, not a spread. */
    static final int MIN_CLASS_SUSPECT_INSTANCES = 10;
    /** Lowest score of a container that grew in every interval of three or more dumps, however little. */
    public static final int STEADY_SCORE = 60;

    private DiffAnalysis() {
    }

    /** Warnings when the dumps do not come from the same kind of JVM running the same program. */
    private static List<String> mismatches(List<DumpSummary> dumps) {
        List<String> out = new ArrayList<>();
        Set<Integer> ids = new TreeSet<>();
        Set<String> versions = new LinkedHashSet<>();
        Set<String> mains = new LinkedHashSet<>();
        for (DumpSummary d : dumps) {
            if (d.idSize() > 0) {
                ids.add(d.idSize());
            }
            if (d.jvmVersion() != null) {
                versions.add(d.jvmVersion());
            }
            if (d.mainClass() != null) {
                mains.add(d.mainClass());
            }
        }
        if (ids.size() > 1) {
            out.add("the dumps differ in identifier size (" + ids.stream().map(i -> i * 8 + "-bit")
                    .collect(java.util.stream.Collectors.joining(" and ")) + " JVMs): object sizes are not comparable");
        }
        if (versions.size() > 1) {
            out.add("the dumps come from different JVM versions (" + String.join(", ", versions)
                    + "): sizes and JDK internals differ between them");
        }
        if (mains.size() > 1) {
            out.add("the dumps come from different programs (" + String.join(", ", mains)
                    + "): growth between them is not a leak of one application");
        }
        return out;
    }

    public static DiffResult compare(List<DumpSummary> dumps, Options options) {
        int k = dumps.size();
        DumpSummary first = dumps.get(0);
        DumpSummary last = dumps.get(k - 1);
        List<String> warnings = new ArrayList<>();
        for (int i = 1; i < k; i++) {
            if (dumps.get(i).timestampMillis() < dumps.get(i - 1).timestampMillis()) {
                warnings.add("dump " + (i + 1) + " (" + dumps.get(i).file() + ") was taken before dump " + i
                        + " (" + dumps.get(i - 1).file() + "): growth is computed in the order given");
            }
        }
        warnings.addAll(mismatches(dumps));
        long spanMillis = last.timestampMillis() - first.timestampMillis();
        // A rate per hour from dumps taken seconds apart would blow a few bytes up into megabytes.
        double hours = spanMillis >= MIN_RATE_SPAN_MILLIS ? spanMillis / 3_600_000.0 : 0;
        long heapGrowth = last.usedHeapBytes() - first.usedHeapBytes();
        Double heapRate = hours > 0 ? heapGrowth / hours : null;

        List<DiffResult.Snapshot> snapshots = new ArrayList<>();
        for (DumpSummary d : dumps) {
            snapshots.add(new DiffResult.Snapshot(d.file(), Instant.ofEpochMilli(d.timestampMillis()).toString(),
                    d.objects(), d.usedHeapBytes(), d.truncation() == null, d.truncation()));
        }
        long minGrowth = options.minGrowthBytes() >= 0 ? options.minGrowthBytes()
                : Math.max(64 * 1024, first.usedHeapBytes() / 200);
        List<DiffResult.Suspect> suspects = suspects(dumps, options.all() ? 1 : minGrowth, heapGrowth, hours,
                options.all());
        for (DumpSummary d : dumps) {
            if (d.truncation() != null) {
                warnings.add(d.file() + " is truncated: it " + d.truncation()
                        + "; only the objects written before that point were compared");
            }
            if (d.partialGroups()) {
                warnings.add(d.file() + " is a saved summary: it keeps the " + DumpSummarizer.SAVED_GROUPS
                        + " biggest structures, so a smaller one may look new");
            }
        }
        return new DiffResult(DiffResult.SCHEMA_VERSION, snapshots, heapGrowth, heapRate, suspects,
                classDeltas(dumps, options), List.of(), warnings,
                dumps.stream().allMatch(d -> d.truncation() == null));
    }

    private static List<DiffResult.ClassDelta> classDeltas(List<DumpSummary> dumps, Options options) {
        int k = dumps.size();
        Set<String> names = new TreeSet<>();
        for (DumpSummary d : dumps) {
            names.addAll(d.classes().keySet());
        }
        List<DiffResult.ClassDelta> rows = new ArrayList<>();
        for (String name : names) {
            long[] inst = new long[k];
            long[] shallow = new long[k];
            long[] retained = new long[k];
            int[] loaders = new int[k];
            for (int i = 0; i < k; i++) {
                ClassStats c = dumps.get(i).classes().get(name);
                if (c != null) {
                    inst[i] = c.instances();
                    shallow[i] = c.shallowBytes();
                    retained[i] = c.retainedBytes();
                    loaders[i] = c.loaders();
                }
            }
            if (!options.all() && inst[k - 1] == inst[0] && shallow[k - 1] == shallow[0]
                    && retained[k - 1] == retained[0] && loaders[k - 1] == loaders[0]) {
                continue; // unchanged: not worth a line
            }
            boolean inFirst = dumps.get(0).classes().containsKey(name);
            boolean inLast = dumps.get(k - 1).classes().containsKey(name);
            String status = !inFirst ? "new" : !inLast ? "vanished" : "present";
            rows.add(new DiffResult.ClassDelta(name, status, inst, shallow, retained, loaders,
                    inst[k - 1] - inst[0], shallow[k - 1] - shallow[0], retained[k - 1] - retained[0]));
        }
        Comparator<DiffResult.ClassDelta> order = switch (options.sort()) {
            case "instances" -> Comparator.comparingLong(DiffResult.ClassDelta::instancesDelta);
            case "shallow" -> Comparator.comparingLong(DiffResult.ClassDelta::shallowBytesDelta);
            default -> Comparator.comparingLong(DiffResult.ClassDelta::retainedBytesDelta);
        };
        rows.sort(order.reversed().thenComparing(DiffResult.ClassDelta::className));
        return options.top() > 0 && rows.size() > options.top() ? List.copyOf(rows.subList(0, options.top())) : rows;
    }

    /** Per group key, the group in each dump (null where absent). */
    private static Map<String, ContainerGroup[]> matchGroups(List<DumpSummary> dumps) {
        Map<String, ContainerGroup[]> byKey = new LinkedHashMap<>();
        for (int i = 0; i < dumps.size(); i++) {
            for (ContainerGroup g : dumps.get(i).groups().values()) {
                byKey.computeIfAbsent(g.key(), x -> new ContainerGroup[dumps.size()])[i] = g;
            }
        }
        return byKey;
    }

    private record Candidate(String key, ContainerGroup[] perDump, long[] containers, long[] elements, long[] retained,
            long growth, boolean steady) {
    }

    /**
     * True when it grew in every interval of three or more dumps (retained size and entries, or number of
     * containers): LeakCanary's rule for a leak, whatever its size. A class loader counts only by number.
     */
    private static boolean grewEveryInterval(long[] containers, long[] elements, long[] retained, boolean loader) {
        int k = retained.length;
        if (k < 3) {
            return false;
        }
        for (int i = 0; i + 1 < k; i++) {
            boolean more = containers[i + 1] > containers[i] || !loader && elements[i + 1] > elements[i];
            if (retained[i + 1] <= retained[i] || !more) {
                return false;
            }
        }
        return true;
    }

    private static List<DiffResult.Suspect> suspects(List<DumpSummary> dumps, long minGrowth, long heapGrowth,
            double hours, boolean all) {
        int k = dumps.size();
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, ContainerGroup[]> e : matchGroups(dumps).entrySet()) {
            ContainerGroup[] g = e.getValue();
            long[] containers = new long[k];
            long[] elements = new long[k];
            long[] retained = new long[k];
            for (int i = 0; i < k; i++) {
                if (g[i] != null) {
                    containers[i] = g[i].containers();
                    elements[i] = g[i].elements();
                    retained[i] = g[i].retainedBytes();
                }
            }
            long growth = retained[k - 1] - retained[0];
            // A class loader's classes grow as the application loads them lazily: only more loaders is a leak.
            boolean loader = ContainerKind.CLASS_LOADER.label().equals(latest(g).kind());
            boolean grewInSize = containers[k - 1] > containers[0] || !loader && elements[k - 1] > elements[0];
            boolean steady = grewEveryInterval(containers, elements, retained, loader);
            if (growth >= minGrowth && (grewInSize || all) || steady) {
                candidates.add(new Candidate(e.getKey(), g, containers, elements, retained, growth, steady));
            }
        }
        candidates = removeNested(candidates);
        candidates = withoutLoadersHeldByOthers(candidates);

        long totalGrowth = heapGrowth > 0 ? heapGrowth : Math.max(1, dumps.get(0).usedHeapBytes());
        List<DiffResult.Suspect> out = new ArrayList<>();
        for (Candidate c : candidates) {
            out.add(describe(c, dumps, totalGrowth, hours));
        }
        out.addAll(classSuspects(dumps, out, minGrowth, totalGrowth, hours));
        out.sort(Comparator.comparingInt(DiffResult.Suspect::score).reversed()
                .thenComparing(Comparator.comparingLong((DiffResult.Suspect x) -> x.retainedBytes()[k - 1]
                        - x.retainedBytes()[0]).reversed())
                .thenComparing(Comparator.comparingDouble(DiffResult.Suspect::shareOfGrowth).reversed())
                .thenComparing(DiffResult.Suspect::path));
        List<DiffResult.Suspect> ranked = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            ranked.add(out.get(i).withRank(i + 1));
        }
        return ranked;
    }

    /**
     * Classes whose instances and retained size grew with no container or holder to blame: objects that
     * pile up spread over the heap (each held by its own owner). A class is explained, and never a suspect,
     * when a container suspect accumulates it or when containers (other than class loaders, which hold
     * every static) hold at least half of its new instances, alone or collectively. Scored a little below
     * a container with the same growth, as it names no holder; only growth past the size threshold counts.
     */
    private static List<DiffResult.Suspect> classSuspects(List<DumpSummary> dumps, List<DiffResult.Suspect> found,
            long minGrowth, long totalGrowth, double hours) {
        int k = dumps.size();
        Set<String> blamed = new java.util.HashSet<>();
        for (DiffResult.Suspect s : found) {
            blamed.add(s.containerClass());
            s.accumulates().forEach(a -> blamed.add(a.className()));
            if (s.keyClass() != null) {
                blamed.add(s.keyClass());
            }
            if (s.valueClass() != null) {
                blamed.add(s.valueClass());
            }
        }
        Set<String> names = new TreeSet<>();
        for (DumpSummary d : dumps) {
            names.addAll(d.classes().keySet());
        }
        List<DiffResult.Suspect> out = new ArrayList<>();
        for (String name : names) {
            if (blamed.contains(name) || name.equals("java.lang.Class")) {
                continue;
            }
            long[] instances = new long[k];
            long[] retained = new long[k];
            long[] free = new long[k];
            for (int i = 0; i < k; i++) {
                ClassStats c = dumps.get(i).classes().get(name);
                if (c != null) {
                    instances[i] = c.instances();
                    retained[i] = c.retainedBytes();
                    free[i] = c.freeInstances() == null ? c.instances() : c.freeInstances();
                }
            }
            long growth = retained[k - 1] - retained[0];
            long newInstances = instances[k - 1] - instances[0];
            // Explained when containers hold (alone or together) at least half of the new instances.
            if (growth < minGrowth || newInstances < MIN_CLASS_SUSPECT_INSTANCES
                    || 2 * (free[k - 1] - free[0]) < newInstances) {
                continue;
            }
            long[] one = new long[k];
            java.util.Arrays.fill(one, 1);
            ContainerGroup[] none = new ContainerGroup[k];
            Candidate c = new Candidate("class | " + name, none, one, instances, retained, growth, false);
            DiffResult.Suspect s = score(c, k, totalGrowth, hours, 0.85);
            List<String> reasons = new ArrayList<>(s.reasons());
            reasons.add(0, String.format(Locale.ROOT, "no collection, cache, array or chain holds most of the %,d new"
                    + " instances: they grow spread over the heap", newInstances));
            out.add(new DiffResult.Suspect(0, ContainerKind.CLASS.label(), "instances of " + name, name, one, instances,
                    retained, s.growthBytesPerHour(), List.of(new DiffResult.Accumulation(name, newInstances, growth,
                            1.0)), s.shareOfGrowth(), s.score(), reasons, name, "instances of " + name, null, null,
                    null, List.of(), null, false, fix(ContainerKind.CLASS.label(), null, "")));
        }
        return out;
    }

    /**
     * Class loaders that pile up because another candidate keeps them (a list of plugin objects keeps each
     * plugin's loader through its class) are that candidate's growth: the loader group is not reported again.
     */
    private static List<Candidate> withoutLoadersHeldByOthers(List<Candidate> candidates) {
        long heldLoaders = 0;
        for (Candidate c : candidates) {
            ContainerGroup first = c.perDump()[0];
            if (!latest(c.perDump()).kind().equals(ContainerKind.CLASS_LOADER.label())) {
                heldLoaders = Math.max(heldLoaders,
                        latest(c.perDump()).classLoaders() - (first == null ? 0 : first.classLoaders()));
            }
        }
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            int last = c.containers().length - 1;
            boolean loaders = latest(c.perDump()).kind().equals(ContainerKind.CLASS_LOADER.label());
            if (!loaders || c.containers()[last] - c.containers()[0] > heldLoaders) {
                kept.add(c);
            }
        }
        return kept;
    }

    /**
     * Reports each nested pair once, at the level that explains the growth. A candidate's ancestors are
     * found by looking up each prefix of its path: O(candidates × path length), not quadratic.
     */
    private static List<Candidate> removeNested(List<Candidate> candidates) {
        Map<String, List<Candidate>> byPath = new HashMap<>();
        for (Candidate c : candidates) {
            byPath.computeIfAbsent(path(c), x -> new ArrayList<>()).add(c);
        }
        Set<String> drop = new LinkedHashSet<>();
        for (Candidate inner : candidates) {
            String p = path(inner);
            for (int cut = p.lastIndexOf(" → "); cut > 0; cut = p.lastIndexOf(" → ", cut - 1)) {
                for (Candidate outer : byPath.getOrDefault(p.substring(0, cut), List.of())) {
                    int last = inner.containers().length - 1;
                    boolean outerGained = outer.elements()[last] > outer.elements()[0];
                    boolean moreInner = inner.containers()[last] > inner.containers()[0];
                    if (outerGained && moreInner) {
                        drop.add(inner.key()); // more inner containers because the outer one holds more
                    } else {
                        drop.add(outer.key()); // the inner containers themselves grow
                    }
                }
            }
        }
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!drop.contains(c.key())) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static String path(Candidate c) {
        for (int i = c.perDump().length - 1; i >= 0; i--) {
            if (c.perDump()[i] != null) {
                return c.perDump()[i].path();
            }
        }
        return "";
    }

    private static ContainerGroup latest(ContainerGroup[] perDump) {
        for (int i = perDump.length - 1; i >= 0; i--) {
            if (perDump[i] != null) {
                return perDump[i];
            }
        }
        throw new IllegalStateException("a group present in no dump");
    }

    private static DiffResult.Suspect describe(Candidate c, List<DumpSummary> dumps, long totalGrowth, double hours) {
        int k = dumps.size();
        ContainerGroup latest = latest(c.perDump());
        DiffResult.Suspect scored = score(c, k, totalGrowth, hours, 1.0);
        List<DiffResult.Accumulation> accumulates = accumulation(c, dumps);
        String kind = latest.kind();
        long loadersBefore = c.perDump()[0] == null ? 0 : c.perDump()[0].classLoaders();
        if (latest.classLoaders() > loadersBefore && !kind.equals("thread-local")) {
            kind = "class-loader"; // what piles up here keeps class loaders (and all their classes) alive
        }
        return new DiffResult.Suspect(0, kind, latest.path(), latest.containerClass(), c.containers(), c.elements(),
                c.retained(), scored.growthBytesPerHour(), accumulates, scored.shareOfGrowth(), scored.score(),
                scored.reasons(), latest.example(), plainWords(latest, kind), latest.holder(), latest.keyClass(),
                latest.valueClass(), latest.examples() == null ? List.of() : latest.examples(), latest.configuration(),
                c.steady(), fix(kind, latest.configuration(), latest.path()));
    }

    /** What to do about a suspect, in one line: the registry's advice, else by kind. */
    static String fix(String kind, String configuration, String path) {
        io.leakscan.analysis.ContainerTypes.Registry r = io.leakscan.analysis.ContainerTypes.registry(path);
        if (r != null) {
            return r.fix();
        }
        boolean unbounded = configuration != null && configuration.contains("no maximum size");
        return switch (kind) {
            case "cache" -> unbounded ? "bound the cache (a maximum size or an expiry), or stop caching per-request keys"
                    : "check the cache's bounds and what its keys are: every new key adds an entry";
            case "listeners" -> "remove each listener when its owner is done with it (removeListener in close/dispose)";
            case "thread-local" -> "call remove() on the ThreadLocal when the task ends (threads in a pool live on)";
            case "class-loader" -> "on redeploy, release what keeps the old loaders alive (statics, threads, registries)";
            case "chain" -> "cut the chain: drop the link to older nodes, or bound how many are kept";
            case "class" -> "find who holds the new instances: leakscan analyze on the last dump shows their paths";
            default -> "remove entries when they are no longer needed, or bound the collection's size";
        };
    }

    /** The container as people call it: the registry's words, saying "of listeners" or "as a cache" when used so. */
    private static String plainWords(ContainerGroup g, String kind) {
        String words = g.words() == null ? g.containerClass() : g.words();
        if (io.leakscan.analysis.ContainerTypes.registry(g.path()) != null) {
            return words; // a JDK registry's own name says what it holds
        }
        String lower = words.toLowerCase(Locale.ROOT);
        if (kind.equals(ContainerKind.LISTENERS.label()) && !lower.contains("listener")) {
            return words + " of listeners";
        }
        if (kind.equals(ContainerKind.CACHE.label()) && !lower.contains("cache")) {
            return words + " used as a cache";
        }
        return words;
    }

    /** Score, share of growth, rate and reasons of a candidate (kind, path and contents filled by the caller). */
    private static DiffResult.Suspect score(Candidate c, int k, long totalGrowth, double hours, double weight) {
        int intervals = k - 1;
        int grewIntervals = 0;
        for (int i = 0; i < intervals; i++) {
            if (c.retained()[i + 1] > c.retained()[i]
                    && (c.elements()[i + 1] > c.elements()[i] || c.containers()[i + 1] > c.containers()[i])) {
                grewIntervals++;
            }
        }
        double steady = intervals == 0 ? 0 : (double) grewIntervals / intervals;
        double share = Math.min(1.0, Math.max(0.0, (double) c.growth() / totalGrowth));
        double relative = c.retained()[0] <= 0 ? 1.0 : Math.min(1.0, (double) c.growth() / c.retained()[0]);
        double score = weight * 100 * (0.2 + 0.8 * steady) * (0.3 + 0.55 * share + 0.15 * relative);
        if (c.steady()) {
            score = Math.max(score, STEADY_SCORE);
        }
        Double rate = hours > 0 ? c.growth() / hours : null;

        List<String> reasons = new ArrayList<>();
        if (intervals > 1) {
            reasons.add(grewIntervals == intervals
                    ? "grew in every interval (" + grewIntervals + " of " + intervals + ")"
                    : "grew in " + grewIntervals + " of " + intervals + " intervals");
        }
        reasons.add(String.format(Locale.ROOT, "retained %s → %s (+%s)", Sizes.human(c.retained()[0]),
                Sizes.human(c.retained()[k - 1]), Sizes.human(c.growth())));
        if (c.elements()[k - 1] != c.elements()[0]) {
            reasons.add(String.format(Locale.ROOT, "elements %,d → %,d", c.elements()[0], c.elements()[k - 1]));
        }
        if (c.containers()[k - 1] != c.containers()[0]) {
            reasons.add(String.format(Locale.ROOT, "%,d → %,d containers on this path", c.containers()[0],
                    c.containers()[k - 1]));
        }
        reasons.add(String.format(Locale.ROOT, "explains %.0f%% of the heap's growth", share * 100));
        if (rate != null) {
            reasons.add("grows " + Sizes.human(Math.round(rate)) + " per hour");
        } else if (intervals > 0) {
            reasons.add("grows " + Sizes.human(c.growth() / intervals) + " per interval (dumps under a minute apart:"
                    + " no hourly rate)");
        }
        return new DiffResult.Suspect(0, null, null, null, c.containers(), c.elements(), c.retained(), rate, List.of(),
                Math.round(share * 1000) / 1000.0, (int) Math.round(score), reasons, null, null, null, null, null,
                List.of(), null, c.steady(), null);
    }

    /**
     * What piles up in a candidate: the objects held by its containers, and by every container group
     * nested below it (the nested ones are reported through it), first dump against last.
     */
    private static List<DiffResult.Accumulation> accumulation(Candidate c, List<DumpSummary> dumps) {
        int k = dumps.size();
        String prefix = path(c) + " → ";
        Map<String, long[]> firstAndLast = new HashMap<>();
        for (int side = 0; side < 2; side++) {
            DumpSummary d = dumps.get(side == 0 ? 0 : k - 1);
            ContainerGroup own = c.perDump()[side == 0 ? 0 : k - 1];
            for (ContainerGroup g : d.groups().values()) {
                if (g != own && !g.path().startsWith(prefix)) {
                    continue;
                }
                for (Held h : g.holds()) {
                    if (h.inside()) {
                        continue; // the container's own nodes and tables are not what piles up in it
                    }
                    long[] v = firstAndLast.computeIfAbsent(h.className(), x -> new long[4]);
                    v[2 * side] += h.instances();
                    v[2 * side + 1] += h.shallowBytes();
                }
            }
        }
        long positive = 0;
        for (long[] v : firstAndLast.values()) {
            positive += Math.max(0, v[3] - v[1]);
        }
        List<DiffResult.Accumulation> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : firstAndLast.entrySet()) {
            long[] v = e.getValue();
            long growth = v[3] - v[1];
            if (growth > 0 && growth * 100 >= positive) {
                out.add(new DiffResult.Accumulation(e.getKey(), v[2] - v[0], growth,
                        positive == 0 ? 0 : Math.round(growth * 1000.0 / positive) / 1000.0));
            }
        }
        out.sort(Comparator.comparingLong(DiffResult.Accumulation::bytesGrowth).reversed()
                .thenComparing(DiffResult.Accumulation::className));
        return out.size() > 5 ? List.copyOf(out.subList(0, 5)) : out;
    }
}

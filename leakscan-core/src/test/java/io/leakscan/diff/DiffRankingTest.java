package io.leakscan.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakscan.diff.DumpSummary.ClassStats;
import io.leakscan.diff.DumpSummary.ContainerGroup;
import io.leakscan.diff.DumpSummary.Held;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code diff}'s ranking on hand-built summaries (no dump, no child JVM): the growth threshold, the
 * full-cache rule, nesting, scoring, class suspects, and the gates. Milliseconds each.
 */
class DiffRankingTest {
    static final long HOUR = 3_600_000L;
    static final long KIB = 1024;

    /** One dump's summary under construction. */
    static final class Dump {
        final String file;
        final long time;
        long usedHeap = 10 << 20;
        final Map<String, ClassStats> classes = new LinkedHashMap<>();
        final Map<String, ContainerGroup> groups = new LinkedHashMap<>();
        String truncation;

        Dump(String file, long time) {
            this.file = file;
            this.time = time;
        }

        Dump heap(long bytes) {
            usedHeap = bytes;
            return this;
        }

        Dump group(String kind, String cls, String path, long containers, long elements, long retained, Held... holds) {
            return group(kind, cls, path, containers, elements, retained, 0, holds);
        }

        Dump group(String kind, String cls, String path, long containers, long elements, long retained, long loaders,
                Held... holds) {
            String key = kind + " | " + cls + " | " + path;
            groups.put(key, new ContainerGroup(key, kind, cls, path, containers, elements, retained, cls + " @ 0x10",
                    loaders, List.of(holds), null, null, null, List.of(), null, null));
            return this;
        }

        /** One ArrayList on {@code path}. */
        Dump list(String path, long elements, long retained) {
            return group("collection", "java.util.ArrayList", path, 1, elements, retained);
        }

        Dump cls(String name, long instances, long retained) {
            // No count of free instances: the rule for summaries of older versions (held = among a
            // container's top "accumulates" rows).
            classes.put(name, new ClassStats(name, instances, instances * 16, retained, 1, false, null));
            return this;
        }

        DumpSummary build() {
            return new DumpSummary(file, time, 1000, usedHeap, classes, groups, false, truncation, 8, "17.0.15",
                    "com.acme.Main");
        }
    }

    static DiffResult compare(Dump... dumps) {
        return compare(DiffAnalysis.Options.defaults(), dumps);
    }

    /** As --all --top 0: every growth, every class. */
    static DiffResult compareAll(Dump... dumps) {
        return compare(new DiffAnalysis.Options(true, -1, "retained", 0), dumps);
    }

    static DiffResult compare(DiffAnalysis.Options options, Dump... dumps) {
        List<DumpSummary> s = new ArrayList<>();
        for (Dump d : dumps) {
            s.add(d.build());
        }
        return DiffAnalysis.compare(s, options);
    }

    @Test
    void growthBelowTheThresholdIsNoSuspectAndTheThresholdScalesWithTheHeap() {
        // Small heap: the threshold is 64 KiB.
        DiffResult small = compare(
                new Dump("a", 0).list("static A.SMALL", 10, 100 * KIB)
                        .list("static A.BIG", 10, 100 * KIB),
                new Dump("b", HOUR).list("static A.SMALL", 20, 160 * KIB)
                        .list("static A.BIG", 20, 170 * KIB));
        assertThat(small.suspects()).extracting(DiffResult.Suspect::path).containsExactly("static A.BIG");

        // A 200 MiB heap: the threshold is a 200th of it (1 MiB), so 900 KiB of growth is not enough.
        Dump first = new Dump("a", 0).heap(200L << 20).list("static A.L", 10, KIB);
        Dump second = new Dump("b", HOUR).heap(201L << 20).list("static A.L", 90, 901 * KIB);
        assertThat(compare(first, second).suspects()).isEmpty();
        assertThat(compareAll(first, second).suspects()).as("--all shows every growth").hasSize(1);
    }

    @Test
    void aFullBoundedCacheWhoseValuesGrewIsNoSuspect() {
        DiffResult r = compare(
                new Dump("a", 0).group("cache", "java.util.LinkedHashMap", "static C.LRU", 1, 1000, 1 << 20),
                new Dump("b", HOUR).group("cache", "java.util.LinkedHashMap", "static C.LRU", 1, 1000, 3 << 20));
        assertThat(r.suspects()).as("same number of elements: a full cache, bigger values").isEmpty();
    }

    @Test
    void nestedGroupsAreReportedOnceAtTheLevelThatExplainsTheGrowth() {
        // The outer map gains entries, each a list: more lists because the map holds more: report the map.
        String map = "static S.SESSIONS";
        String lists = map + " → value";
        DiffResult outer = compare(
                new Dump("a", 0).group("cache", "java.util.HashMap", map, 1, 100, 200 * KIB)
                        .group("collection", "java.util.ArrayList", lists, 100, 1000, 150 * KIB,
                                new Held("com.acme.Event", 1000, 24_000, false, false)),
                new Dump("b", HOUR).group("cache", "java.util.HashMap", map, 1, 500, 1000 * KIB)
                        .group("collection", "java.util.ArrayList", lists, 500, 5000, 750 * KIB,
                                new Held("com.acme.Event", 5000, 120_000, false, false)));
        assertThat(outer.suspects()).hasSize(1);
        DiffResult.Suspect s = outer.suspects().get(0);
        assertThat(s.path()).isEqualTo(map);
        assertThat(s.accumulates()).as("what the nested lists hold is reported through the map")
                .extracting(DiffResult.Accumulation::className).containsExactly("com.acme.Event");

        // The map keeps its entries; the lists inside grow: report the lists.
        DiffResult inner = compare(
                new Dump("a", 0).group("cache", "java.util.HashMap", map, 1, 100, 200 * KIB)
                        .group("collection", "java.util.ArrayList", lists, 100, 1000, 150 * KIB),
                new Dump("b", HOUR).group("cache", "java.util.HashMap", map, 1, 100, 1000 * KIB)
                        .group("collection", "java.util.ArrayList", lists, 100, 9000, 950 * KIB));
        assertThat(inner.suspects()).extracting(DiffResult.Suspect::path).containsExactly(lists);
    }

    @Test
    void steadyGrowthOutranksAOneOffJumpOfTheSameSize() {
        DiffResult r = compare(
                new Dump("a", 0).list("static A.STEADY", 100, 100 * KIB)
                        .list("static A.JUMP", 100, 100 * KIB),
                new Dump("b", HOUR).list("static A.STEADY", 200, 300 * KIB)
                        .list("static A.JUMP", 400, 700 * KIB),
                new Dump("c", 2 * HOUR).list("static A.STEADY", 400, 700 * KIB)
                        .list("static A.JUMP", 400, 700 * KIB));
        assertThat(r.suspects()).extracting(DiffResult.Suspect::path).containsExactly("static A.STEADY", "static A.JUMP");
        DiffResult.Suspect steady = r.suspects().get(0);
        DiffResult.Suspect jump = r.suspects().get(1);
        assertThat(steady.rank()).isEqualTo(1);
        assertThat(steady.score()).isGreaterThan(jump.score()).isBetween(0, 100);
        assertThat(steady.reasons()).contains("grew in every interval (2 of 2)");
        assertThat(jump.reasons()).contains("grew in 1 of 2 intervals");
        assertThat(steady.growthBytesPerHour()).isEqualTo(600 * KIB / 2.0);
        assertThat(steady.elements()).containsExactly(100, 200, 400);
    }

    @Test
    void instancesGrowingWithNoContainerToBlameAreAClassSuspectScoredBelowAContainer() {
        DiffResult r = compare(
                new Dump("a", 0).cls("com.acme.Orphan", 100, 100 * KIB).cls("com.acme.Held", 10, 10 * KIB)
                        .group("collection", "java.util.ArrayList", "static A.L", 1, 10, 20 * KIB,
                                new Held("com.acme.Held", 10, 160, false, false)),
                new Dump("b", HOUR).cls("com.acme.Orphan", 400, 400 * KIB).cls("com.acme.Held", 310, 310 * KIB)
                        .group("collection", "java.util.ArrayList", "static A.L", 1, 310, 320 * KIB,
                                new Held("com.acme.Held", 310, 4960, false, false)));
        assertThat(r.suspects()).extracting(DiffResult.Suspect::kind, DiffResult.Suspect::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("collection", "static A.L"),
                org.assertj.core.groups.Tuple.tuple("class", "instances of com.acme.Orphan"));
        assertThat(r.suspects().get(1).reasons().get(0)).contains("spread over the heap");
        assertThat(r.suspects().get(1).score()).isLessThan(r.suspects().get(0).score());
    }

    @Test
    void moreClassLoadersInsideMakeAClassLoaderSuspect() {
        DiffResult r = compare(
                new Dump("a", 0).group("collection", "java.util.ArrayList", "static Plugins.ALL", 1, 1, 100 * KIB, 1),
                new Dump("b", HOUR).group("collection", "java.util.ArrayList", "static Plugins.ALL", 1, 5, 900 * KIB, 5));
        assertThat(r.suspects()).extracting(DiffResult.Suspect::kind).containsExactly("class-loader");
    }

    @Test
    void classDeltasAreSortedAsAskedAndNamedNewOrVanished() {
        List<DumpSummary> dumps = List.of(
                new Dump("a", 0).cls("A", 10, 100).cls("Gone", 5, 50).cls("Same", 1, 1).build(),
                new Dump("b", HOUR).cls("A", 20, 5000).cls("New", 1000, 2000).cls("Same", 1, 1).build());
        DiffResult byRetained = DiffAnalysis.compare(dumps, new DiffAnalysis.Options(false, -1, "retained", 0));
        assertThat(byRetained.classes()).extracting(DiffResult.ClassDelta::className).containsExactly("A", "New", "Gone");
        assertThat(byRetained.classes()).extracting(DiffResult.ClassDelta::status)
                .containsExactly("present", "new", "vanished");
        DiffResult byInstances = DiffAnalysis.compare(dumps, new DiffAnalysis.Options(false, -1, "instances", 0));
        assertThat(byInstances.classes()).extracting(DiffResult.ClassDelta::className).containsExactly("New", "A", "Gone");
    }

    @Test
    void gatesOnHandBuiltNumbers() {
        DiffResult r = compare(
                new Dump("a", 0).heap(1000 * KIB).cls("com.acme.Session", 10, 10 * KIB)
                        .group("cache", "java.util.HashMap", "static S.CACHE", 1, 10, 100 * KIB),
                new Dump("b", HOUR).heap(1100 * KIB).cls("com.acme.Session", 110, 210 * KIB)
                        .group("cache", "java.util.HashMap", "static S.CACHE", 1, 110, 300 * KIB));
        GateLimits limits = new GateLimits(GateLimits.Limit.parse("5%"),
                List.of(GateLimits.ClassLimit.parse("com.acme.*=100KiB")), 50);
        List<Gate> gates = Gates.evaluate(limits, r, r.classes(), false);
        assertThat(gates).extracting(Gate::name).containsExactly("max-growth", "max-class-growth com.acme.*", "suspects");
        assertThat(gates).allMatch(Gate::evaluated);
        assertThat(gates.get(0).passed()).as("100 KiB of growth is 10%, over 5%").isFalse();
        assertThat(gates.get(1).passed()).isFalse();
        assertThat(gates.get(1).details().get(0)).startsWith("com.acme.Session: retained");
        assertThat(gates.get(2).passed()).isFalse();
        assertThat(r.withGates(gates).failed()).isTrue();

        GateLimits loose = new GateLimits(GateLimits.Limit.parse("20%"), List.of(), -1);
        assertThat(Gates.evaluate(loose, r, r.classes(), false)).allMatch(Gate::passed);
    }

    @Test
    void aTruncatedDumpMakesTheResultPartialAndItsGatesNotEvaluated() {
        Dump cut = new Dump("b", HOUR).heap(1 << 20);
        cut.truncation = "ends at byte offset 4096 (file ends in the middle of a record)";
        DiffResult r = compare(new Dump("a", 0).heap(10 << 20), cut);
        assertThat(r.complete()).isFalse();
        assertThat(r.snapshots().get(1).complete()).isFalse();
        GateLimits limits = new GateLimits(GateLimits.Limit.parse("1MB"), List.of(), 50);
        List<Gate> gates = Gates.evaluate(limits, r, r.classes(), false);
        assertThat(gates).allMatch(g -> !g.evaluated() && !g.passed());
        assertThat(gates.get(0).message()).contains("dump 2 (b)").contains("byte offset 4096");
        DiffResult withGates = r.withGates(gates);
        assertThat(withGates.gatesNotEvaluated()).isTrue();
        assertThat(withGates.failed()).as("not evaluated is not crossed either").isFalse();
        assertThat(Gates.evaluate(limits, r, r.classes(), true)).allMatch(Gate::evaluated);
    }

    @Test
    void dumpsOutOfTimeOrderAreFlagged() {
        DiffResult r = compare(new Dump("late", 2 * HOUR), new Dump("early", HOUR));
        assertThat(r.warnings()).anyMatch(w -> w.contains("dump 2 (early) was taken before dump 1 (late)"));
        assertThat(r.heapGrowthBytesPerHour()).isNull();
    }
}

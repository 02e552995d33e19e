package io.leakscan.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Puts leakscan's {@code analyze --format json --top 0} output beside the peers' result files
 * ({@link ResultFile}) and prints a short agreement section in markdown.
 *
 * <pre>
 * Compare [--title NAME] [--out FILE.md] [--tsv LEAKSCAN.tsv] [--top N] LEAKSCAN.json PEER.tsv...
 * Compare --addresses LEAKSCAN.json N     the N biggest top-level dominators' addresses, one a line
 * </pre>
 *
 * With --out the section is appended to that file as well as printed. With --tsv leakscan's figures are also
 * written in the common format. --top N says which --top leakscan ran with (0, the default: all), so that a
 * cut list of top-level dominators is known to be cut. Exit status 0 unless an input cannot be read.
 */
public final class Compare {
    private static final int SHOW = 5;

    /** leakscan's figures, read from its JSON, in the common shape plus its unreachable objects. */
    static final class Leakscan {
        final ResultFile reachable = ResultFile.create("leakscan", Path.of("."));
        final Map<String, ResultFile.ClassRow> unreachable = new TreeMap<>();
        final Map<Long, ResultFile.ObjectRow> topLevel = new LinkedHashMap<>();
        long objects;
        long unreachableObjects;
        long usedHeap;
        long unreachableBytes;
        long classes;
        /** The JSON lists as many dominators as histogram rows (--top N): the top-level list may be cut. */
        boolean topLevelTruncated;
    }

    private Compare() {
    }

    public static void main(String[] argv) throws IOException {
        if (argv.length == 3 && argv[0].equals("--addresses")) {
            Leakscan ls = readLeakscan(Path.of(argv[1]), 0);
            int n = Integer.parseInt(argv[2]);
            ls.topLevel.values().stream().limit(n).forEach(o -> System.out.println(ResultFile.hex(o.address())));
            return;
        }
        String title = null;
        Path out = null;
        Path tsv = null;
        int top = 0;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--title" -> title = argv[++i];
                case "--out" -> out = Path.of(argv[++i]);
                case "--tsv" -> tsv = Path.of(argv[++i]);
                case "--top" -> top = Integer.parseInt(argv[++i]);
                default -> files.add(Path.of(argv[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: Compare [--title NAME] [--out FILE.md] [--tsv LEAKSCAN.tsv] [--top N] LEAKSCAN.json PEER.tsv...");
            System.exit(2);
        }
        Leakscan ls = readLeakscan(files.get(0), top);
        if (tsv != null) {
            ls.reachable.write(tsv);
        }
        StringBuilder md = new StringBuilder();
        String name = title != null ? title : files.get(0).getFileName().toString();
        md.append("### Agreement on ").append(name).append("\n\n");
        md.append(String.format(Locale.ROOT, "leakscan: %,d reachable objects (class objects included) in %,d classes, "
                + "%,d bytes; %,d unreachable objects (%,d bytes), %,d top-level dominators.%n%n",
                ls.objects, ls.classes, ls.usedHeap, ls.unreachableObjects, ls.unreachableBytes, ls.topLevel.size()));
        for (Path p : files.subList(1, files.size())) {
            compare(ls, ResultFile.read(p), md);
        }
        System.out.print(md);
        if (out != null) {
            Files.writeString(out, md.toString() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    static Leakscan readLeakscan(Path json, int top) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        Leakscan ls = new Leakscan();
        JsonNode s = root.path("snapshot");
        ls.objects = s.path("objects").asLong();
        ls.classes = s.path("classes").asLong();
        ls.usedHeap = s.path("usedHeapBytes").asLong();
        ls.unreachableObjects = s.path("unreachableObjects").asLong();
        ls.unreachableBytes = s.path("unreachableBytes").asLong();
        ls.reachable.meta("dump", s.path("file").asText());
        ls.reachable.meta("objects", ls.objects);
        ls.reachable.meta("bytes", ls.usedHeap);
        ls.reachable.meta("unreachableObjects", ls.unreachableObjects);
        for (JsonNode h : root.path("histogram")) {
            ResultFile.ClassRow r = ls.reachable.row(h.path("className").asText());
            r.add(h.path("instances").asLong(), h.path("shallowBytes").asLong());
            r.addRetained(h.path("retainedBytes").asLong());
        }
        for (JsonNode h : root.path("unreachable")) {
            ls.unreachable.computeIfAbsent(ResultFile.normalizeClassName(h.path("className").asText()),
                    k -> new ResultFile.ClassRow()).add(h.path("instances").asLong(), h.path("shallowBytes").asLong());
        }
        ls.topLevelTruncated = top != 0 && root.path("dominators").size() >= top;
        for (JsonNode d : root.path("dominators")) {
            JsonNode o = d.path("object");
            long address = ResultFile.parseHex(o.path("address").asText());
            ResultFile.ObjectRow row = new ResultFile.ObjectRow(address, o.path("className").asText(),
                    o.path("shallowBytes").asLong(), o.path("retainedBytes").asLong(), "yes");
            ls.topLevel.put(address, row);
            if (ls.reachable.top.size() < 20) {
                ls.reachable.top.add(row);
            }
        }
        return ls;
    }

    private record Diff(String className, long leakscan, long peer) {
        long delta() {
            return peer - leakscan;
        }
    }

    static void compare(Leakscan ls, ResultFile peer, StringBuilder md) {
        String engine = peer.meta.getOrDefault("engine", "peer");
        md.append("#### leakscan ↔ ").append(engine).append(' ').append(peer.meta.getOrDefault("version", ""))
                .append("\n\n");
        md.append(String.format(Locale.ROOT, "%s: %s objects in the dump, %s bytes, %s classes%s.%n%n", engine,
                group(peer.meta.get("objects")), group(peer.meta.get("bytes")), group(peer.meta.get("classes")),
                peer.meta.containsKey("reachable")
                        ? String.format(Locale.ROOT, "; %s objects in its dominator tree retaining %s bytes, %s top-level",
                                group(peer.meta.get("reachable")), group(peer.meta.get("rootRetained")),
                                group(peer.meta.get("topLevelDominators")))
                        : ""));

        TreeSet<String> names = new TreeSet<>(ls.reachable.classes.keySet());
        names.addAll(ls.unreachable.keySet());
        int common = 0;
        int instReach = 0;
        int instAll = 0;
        int shallowReach = 0;
        int shallowAll = 0;
        int retainedCompared = 0;
        int retainedEqual = 0;
        int retainedClose = 0;
        List<Diff> instDiffs = new ArrayList<>();
        List<Diff> shallowDiffs = new ArrayList<>();
        List<Diff> retainedDiffs = new ArrayList<>();
        Map<Long, Integer> perInstanceDelta = new HashMap<>();
        List<String> onlyLeakscan = new ArrayList<>();
        List<String> onlyPeer = new ArrayList<>();
        for (String n : names) {
            if (!peer.classes.containsKey(n)) {
                onlyLeakscan.add(n);
            }
        }
        for (String n : peer.classes.keySet()) {
            if (!names.contains(n) && peer.classes.get(n).instances > 0) {
                onlyPeer.add(n);
            }
        }
        for (String n : names) {
            ResultFile.ClassRow p = peer.classes.get(n);
            if (p == null) {
                continue;
            }
            common++;
            ResultFile.ClassRow r = ls.reachable.classes.getOrDefault(n, new ResultFile.ClassRow());
            ResultFile.ClassRow u = ls.unreachable.getOrDefault(n, new ResultFile.ClassRow());
            long allInstances = r.instances + u.instances;
            long allShallow = r.shallow + u.shallow;
            instReach += p.instances == r.instances ? 1 : 0;
            instAll += p.instances == allInstances ? 1 : 0;
            shallowReach += p.shallow == r.shallow ? 1 : 0;
            shallowAll += p.shallow == allShallow ? 1 : 0;
            if (p.instances != allInstances) {
                instDiffs.add(new Diff(n, allInstances, p.instances));
            }
            if (p.shallow != allShallow) {
                shallowDiffs.add(new Diff(n, allShallow, p.shallow));
            }
            if (p.instances == allInstances && p.instances > 0 && !n.endsWith("[]")) {
                long d = (p.shallow - allShallow) / p.instances;
                if ((p.shallow - allShallow) % p.instances == 0) {
                    perInstanceDelta.merge(d, 1, Integer::sum);
                }
            }
            if (p.retained >= 0 && r.retained >= 0) {
                retainedCompared++;
                retainedEqual += p.retained == r.retained ? 1 : 0;
                retainedClose += Math.abs(p.retained - r.retained) <= Math.max(1, r.retained / 100) ? 1 : 0;
                if (p.retained != r.retained) {
                    retainedDiffs.add(new Diff(n, r.retained, p.retained));
                }
            }
        }
        md.append(String.format(Locale.ROOT, "Per class (%d names in both; only leakscan: %d%s; only %s: %d%s):%n%n",
                common, onlyLeakscan.size(), sample(onlyLeakscan), engine, onlyPeer.size(), sample(onlyPeer)));
        md.append(String.format(Locale.ROOT, "- instances equal: %d against leakscan's reachable objects, "
                + "%d against reachable + unreachable%n", instReach, instAll));
        md.append(String.format(Locale.ROOT, "- shallow bytes equal: %d against reachable, %d against reachable + "
                + "unreachable%n", shallowReach, shallowAll));
        if (!perInstanceDelta.isEmpty()) {
            StringBuilder deltas = new StringBuilder();
            perInstanceDelta.entrySet().stream()
                    .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()).limit(4)
                    .forEach(e -> deltas.append(deltas.length() == 0 ? "" : ", ")
                            .append(String.format(Locale.ROOT, "%+d B in %d classes", e.getKey(), e.getValue())));
            md.append("- shallow size per instance, ").append(engine)
                    .append(" minus leakscan, for non-array classes with the same count: ").append(deltas).append('\n');
        }
        if (retainedCompared > 0) {
            md.append(String.format(Locale.ROOT, "- retained bytes per class: equal in %d of %d, within 1%% in %d%n",
                    retainedCompared == 0 ? 0 : retainedEqual, retainedCompared, retainedClose));
        } else {
            md.append("- retained bytes per class: ").append(engine).append(" does not compute them\n");
        }
        md.append('\n');
        table(md, "instances (leakscan: reachable + unreachable)", engine, instDiffs);
        table(md, "shallow bytes (leakscan: reachable + unreachable)", engine, shallowDiffs);
        table(md, "retained bytes", engine, retainedDiffs);

        // Top objects: leakscan's biggest top-level dominators, looked up in the peer by address.
        if (!peer.objects.isEmpty()) {
            int equal = 0;
            int close = 0;
            int found = 0;
            StringBuilder rows = new StringBuilder();
            int shown = 0;
            for (ResultFile.ObjectRow o : peer.objects.values()) {
                ResultFile.ObjectRow l = ls.topLevel.get(o.address());
                if (l == null) {
                    continue;
                }
                boolean present = !o.className().startsWith("<absent>") && !o.className().contains("not in the tree");
                found += present ? 1 : 0;
                equal += present && o.retained() == l.retained() ? 1 : 0;
                close += present && Math.abs(o.retained() - l.retained()) <= Math.max(1, l.retained() / 100) ? 1 : 0;
                if (shown++ < 10) {
                    rows.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s | %s |%n", ResultFile.hex(o.address()),
                            l.className(), l.retained(), present ? String.format(Locale.ROOT, "%,d", o.retained()) : o.className(),
                            present ? ratio(o.retained(), l.retained()) : "-", o.topLevel()));
                }
            }
            md.append(String.format(Locale.ROOT, "leakscan's %d biggest top-level dominators in %s: %d found, retained "
                    + "size equal for %d, within 1%% for %d.%n%n", peer.objects.size(), engine, found, equal, close));
            md.append("| address | class (leakscan) | leakscan retained | ").append(engine)
                    .append(" retained | ratio | ").append(engine).append(" top-level |\n|---|---|---|---|---|---|\n")
                    .append(rows).append('\n');
        }
        // Top-level dominators: the same objects directly under the root?
        if (!peer.roots.isEmpty()) {
            boolean complete = !ls.topLevelTruncated;
            int both = 0;
            Map<String, Integer> rootsOnlyLs = new TreeMap<>();
            Map<String, Integer> rootsOnlyPeer = new TreeMap<>();
            for (ResultFile.ObjectRow o : ls.topLevel.values()) {
                if (peer.roots.containsKey(o.address())) {
                    both++;
                } else {
                    rootsOnlyLs.merge(o.className(), 1, Integer::sum);
                }
            }
            if (complete) {
                for (ResultFile.ObjectRow o : peer.roots.values()) {
                    if (!ls.topLevel.containsKey(o.address())) {
                        rootsOnlyPeer.merge(o.className(), 1, Integer::sum);
                    }
                }
            }
            md.append(String.format(Locale.ROOT, "Top-level dominators: leakscan %,d%s, %s %,d, in both %,d. Only in "
                    + "leakscan's: %s.%s%n%n", ls.topLevel.size(), complete ? "" : " (its biggest only: --top)", engine,
                    peer.roots.size(), both, byCount(rootsOnlyLs),
                    complete ? " Only in " + engine + "'s: " + byCount(rootsOnlyPeer) + "." : ""));
        }
        // The peer's own biggest objects, looked up in leakscan's top-level dominators.
        if (!peer.top.isEmpty()) {
            int inLeakscan = 0;
            int equal = 0;
            StringBuilder rows = new StringBuilder();
            int shown = 0;
            for (ResultFile.ObjectRow o : peer.top) {
                ResultFile.ObjectRow l = ls.topLevel.get(o.address());
                inLeakscan += l != null ? 1 : 0;
                equal += l != null && l.retained() == o.retained() ? 1 : 0;
                if (shown++ < 10) {
                    rows.append(String.format(Locale.ROOT, "| %d | %s | %s | %,d | %s | %s |%n", shown,
                            ResultFile.hex(o.address()), o.className(), o.retained(), o.topLevel(),
                            l == null ? "nested" : String.format(Locale.ROOT, "%,d", l.retained())));
                }
            }
            md.append(String.format(Locale.ROOT, "%s's %d biggest objects by retained size: %d are top-level "
                    + "dominators in leakscan (the others sit under one), same retained size for %d.%n%n", engine,
                    peer.top.size(), inLeakscan, equal));
            md.append("| # | address | class | ").append(engine).append(" retained | ").append(engine)
                    .append(" top-level | leakscan retained |\n|---|---|---|---|---|---|\n").append(rows).append('\n');
        }
    }

    private static void table(StringBuilder md, String what, String engine, List<Diff> diffs) {
        if (diffs.isEmpty()) {
            return;
        }
        diffs.sort(Comparator.comparingLong((Diff d) -> Math.abs(d.delta())).reversed());
        md.append("Biggest differences in ").append(what).append(":\n\n| class | leakscan | ").append(engine)
                .append(" | difference |\n|---|---|---|---|\n");
        for (Diff d : diffs.subList(0, Math.min(SHOW, diffs.size()))) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %+,d |%n", d.className(), d.leakscan(), d.peer(),
                    d.delta()));
        }
        md.append('\n');
    }

    private static String byCount(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d (", total));
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(4)
                .forEach(e -> b.append(String.format(Locale.ROOT, "%,d %s, ", e.getValue(), e.getKey())));
        b.setLength(b.length() - 2);
        return b.append(counts.size() > 4 ? ", …)" : ")").toString();
    }

    private static String sample(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        return " e.g. " + String.join(", ", names.subList(0, Math.min(3, names.size())));
    }

    private static String ratio(long a, long b) {
        return b == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) a / b);
    }

    private static String group(String number) {
        if (number == null) {
            return "?";
        }
        try {
            return String.format(Locale.ROOT, "%,d", Long.parseLong(number));
        } catch (NumberFormatException e) {
            return number;
        }
    }
}

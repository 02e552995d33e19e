package io.leakscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers, dependencies pointing down only: {@code hprof ← heap ← analysis ← diff ← report ← cli ← junit}, with
 * {@code util} below them all; Jackson only in {@code report}. A scan of every main source file for the
 * packages it names (imports and fully qualified names alike), as README.md states it, in every module; and
 * the modules in the same order ({@code leakscan-core ← leakscan-cli ← leakscan-junit}).
 */
class LayeringTest {
    static final List<String> LAYERS = List.of("util", "hprof", "heap", "analysis", "diff", "report", "cli", "junit");
    static final Pattern REFERENCE = Pattern.compile("\\bio\\.leakscan\\.([a-z]+)\\b");

    /** Violations in one source file of package {@code layer}: "names LAYER" for each layer above it. */
    static List<String> violations(String layer, String source) {
        List<String> found = new ArrayList<>();
        int own = LAYERS.indexOf(layer);
        Matcher m = REFERENCE.matcher(source);
        while (m.find()) {
            int used = LAYERS.indexOf(m.group(1));
            if (used < 0 || used > own) {
                found.add("names io.leakscan." + m.group(1));
            }
        }
        if (!layer.equals("report") && source.contains("com.fasterxml.jackson")) {
            found.add("uses Jackson (only report may)");
        }
        return found;
    }

    /**
     * Which module holds which layers: the engine library, the command line above it, the extension on top. A
     * module may depend only on the modules before it (their poms say so; the compiler enforces it).
     */
    static final Map<String, List<String>> MODULE_LAYERS = new LinkedHashMap<>();

    static {
        MODULE_LAYERS.put("leakscan-core", List.of("util", "hprof", "heap", "analysis", "diff", "report"));
        MODULE_LAYERS.put("leakscan-cli", List.of("cli"));
        MODULE_LAYERS.put("leakscan-junit", List.of("junit"));
    }

    @Test
    void everyMainSourceFileDependsOnlyOnLowerLayers() throws IOException {
        List<String> problems = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, List<String>> module : MODULE_LAYERS.entrySet()) {
            Path root = Path.of(module.getKey(), "src", "main", "java", "io", "leakscan");
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    String layer = root.relativize(f).getName(0).toString();
                    assertThat(module.getValue()).as("package of " + f + " is a layer of " + module.getKey())
                            .contains(layer);
                    for (String v : violations(layer, Files.readString(f))) {
                        problems.add(f + " " + v);
                    }
                    files++;
                }
            }
        }
        assertThat(files).isGreaterThan(50);
        assertThat(problems).isEmpty();
    }

    @Test
    void modulesDependOnlyOnTheModulesBelowThem() throws IOException {
        List<String> modules = new ArrayList<>(MODULE_LAYERS.keySet());
        Matcher listed = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(Path.of("pom.xml")));
        List<String> inRootPom = new ArrayList<>();
        while (listed.find()) {
            inRootPom.add(listed.group(1));
        }
        assertThat(inRootPom).containsExactlyElementsOf(modules);
        Pattern dependency = Pattern.compile("<artifactId>(leakscan-[a-z]+)</artifactId>");
        for (String module : modules) {
            String pom = Files.readString(Path.of(module, "pom.xml"));
            Matcher m = dependency.matcher(pom.substring(pom.indexOf("<dependencies>")));
            while (m.find()) {
                assertThat(modules.indexOf(m.group(1))).as(module + " depends on " + m.group(1))
                        .isBetween(0, modules.indexOf(module) - 1);
            }
        }
    }

    @Test
    void theScanCatchesAnUpwardDependency() {
        assertThat(violations("heap", "package io.leakscan.heap;\nimport io.leakscan.analysis.HeapAnalysis;\n"))
                .containsExactly("names io.leakscan.analysis");
        assertThat(violations("diff", "var r = new io.leakscan.report.AnalyzeReport(1);"))
                .containsExactly("names io.leakscan.report");
        assertThat(violations("analysis", "import com.fasterxml.jackson.databind.ObjectMapper;"))
                .containsExactly("uses Jackson (only report may)");
        assertThat(violations("cli", "import io.leakscan.report.X; import io.leakscan.hprof.Y;")).isEmpty();
    }

    @Test
    void readmeStatesTheOrderTheCodeHas() throws IOException {
        assertThat(Files.readString(Path.of("README.md"))).contains("`hprof` ← `heap` ← `analysis` ← `diff` ← `report` ← `cli` ← `junit`");
    }
}

package io.leakscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers, dependencies pointing down only: {@code hprof ← heap ← analysis ← diff ← report ← cli ← junit}, with
 * {@code util} below them all; Jackson only in {@code report}. A scan of every main source file for the
 * packages it names (imports and fully qualified names alike), as README.md states it.
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

    @Test
    void everyMainSourceFileDependsOnlyOnLowerLayers() throws IOException {
        Path root = Path.of("src", "main", "java", "io", "leakscan");
        List<String> problems = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String layer = root.relativize(f).getName(0).toString();
                assertThat(LAYERS).as("package of " + f + " is a known layer").contains(layer);
                for (String v : violations(layer, Files.readString(f))) {
                    problems.add(root.relativize(f) + " " + v);
                }
                files++;
            }
        }
        assertThat(files).isGreaterThan(50);
        assertThat(problems).isEmpty();
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

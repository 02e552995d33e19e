package io.leakscan.report.render;

import io.leakscan.diff.DiffResult;
import io.leakscan.diff.Gate;
import io.leakscan.diff.Gates;
import java.util.List;
import java.util.Locale;

/**
 * Renders the gates of a {@link DiffResult} as JUnit XML (the Ant/Surefire layout that Jenkins, GitLab
 * and GitHub test reporters read): one test case per gate, a failure per crossed gate with the
 * offending suspects or classes. Stateless.
 */
public final class DiffJUnitRenderer {
    private DiffJUnitRenderer() {
    }

    public static String render(DiffResult r) {
        List<Gate> gates = r.gates();
        long failures = gates.stream().filter(g -> g.evaluated() && !g.passed()).count();
        // Partial input is an error, never a pass: each gate not evaluated is one, and a verdict the user
        // allowed on partial data (--allow-partial) gets one more test case, "complete input", in error.
        boolean partialVerdict = !r.complete() && !gates.isEmpty() && !r.gatesNotEvaluated();
        long errors = gates.stream().filter(g -> !g.evaluated()).count() + (partialVerdict ? 1 : 0);
        long tests = gates.size() + (partialVerdict ? 1 : 0);
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append(String.format(Locale.ROOT, "<testsuites name=\"leakscan\" tests=\"%d\" failures=\"%d\" errors=\"%d\">\n",
                tests, failures, errors));
        out.append(String.format(Locale.ROOT,
                "  <testsuite name=\"leakscan.diff\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"0\">\n",
                tests, failures, errors));
        out.append("    <properties>\n");
        for (int i = 0; i < r.snapshots().size(); i++) {
            out.append("      <property name=\"dump").append(i + 1).append("\" value=\"")
                    .append(xml(r.snapshots().get(i).file())).append("\"/>\n");
        }
        out.append("    </properties>\n");
        for (Gate g : gates) {
            out.append("    <testcase classname=\"leakscan.gates\" name=\"").append(xml(g.name() + " (" + g.limit() + ")"))
                    .append("\" time=\"0\"");
            if (!g.evaluated()) {
                out.append(">\n      <error message=\"").append(xml(g.message())).append("\" type=\"PartialInput\">")
                        .append(xml(g.message())).append("</error>\n    </testcase>\n");
            } else if (g.passed()) {
                out.append(">\n      <system-out>").append(xml(g.message())).append("</system-out>\n    </testcase>\n");
            } else {
                out.append(">\n      <failure message=\"").append(xml(g.message())).append("\" type=\"MemoryGateCrossed\">");
                out.append(xml(g.message()));
                for (String d : g.details()) {
                    out.append('\n').append(xml(d));
                }
                out.append("</failure>\n    </testcase>\n");
            }
        }
        if (partialVerdict) {
            String why = "the gates' verdict rests on partial data: " + Gates.partialInputs(r);
            out.append("    <testcase classname=\"leakscan.gates\" name=\"complete input\" time=\"0\">\n      <error message=\"")
                    .append(xml(why)).append("\" type=\"PartialInput\">").append(xml(why)).append("</error>\n    </testcase>\n");
        }
        out.append("  </testsuite>\n</testsuites>\n");
        return out.toString();
    }

    private static String xml(String s) {
        return XmlText.escape(s);
    }
}

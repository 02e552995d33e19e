package io.leakscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The progress line: a bar with a percentage for work of known size, a spinner with the phase name and
 * elapsed time otherwise, erased when its phase ends. Drawn on a captured stream with a hand-moved clock.
 */
class ProgressDisplayTest {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final AtomicLong nanos = new AtomicLong();
    final ProgressDisplay display = new ProgressDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8), true,
            nanos::get, 80);

    private String drawn() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void knownWorkShowsBarPercentAndAmount() {
        display.startBytes("reading app.hprof", 200L << 20);
        display.bytesDone(90L << 20);
        nanos.set(3_000_000_000L);
        assertThat(display.line()).startsWith("reading app.hprof [").contains(" 45% ").contains("90/200 MiB")
                .endsWith("0:03").doesNotContain("?");
    }

    @Test
    void unknownWorkShowsASpinnerWithNameAndElapsedTimeNeverQuestionMarks() {
        display.startPhase("dominator tree and retained sizes");
        nanos.set(75_000_000_000L);
        String first = display.line();
        display.redraw();
        String second = display.line();
        assertThat(first).startsWith("dominator tree and retained sizes ").endsWith(" 1:15").doesNotContain("?")
                .doesNotContain("%").doesNotContain("0/");
        assertThat(second).as("the spinner turns").isNotEqualTo(first);
    }

    @Test
    void readingEveryByteGivesWayToASpinnerInsteadOfStallingBelow100Percent() {
        display.startBytes("reading app.hprof", 100L << 20);
        display.bytesDone(96L << 20);
        assertThat(display.line()).contains(" 96% ");
        display.bytesDone(100L << 20);
        assertThat(display.line()).startsWith("reading app.hprof: indexing ").doesNotContain("%");
    }

    @Test
    void phasesOfAThreeDumpDiffLeaveNoLineBehind() {
        for (String dump : new String[] {"a.hprof", "b.hprof", "c.hprof"}) {
            display.startBytes("reading " + dump, 10L << 20);
            display.bytesDone(5L << 20);
            display.redraw();
            display.close();
            for (String phase : new String[] {"analysing ", "summarising "}) {
                display.startPhase(phase + dump);
                display.redraw();
                display.close();
            }
        }
        String out = drawn();
        assertThat(out).contains("reading c.hprof").doesNotContain("\n");
        // What the terminal shows at the end: the text after the last carriage return, all blank.
        String last = out.substring(out.lastIndexOf('\r', out.length() - 2) + 1);
        assertThat(last.isBlank()).as("erased: [" + last + "]").isTrue();
    }

    @Test
    void longNamesAreCutToTheWidth() {
        display.startPhase("analysing " + "x".repeat(200) + ".hprof");
        assertThat(display.line().length()).isLessThan(80);
    }

    @Test
    void disabledDrawsNothing() {
        ProgressDisplay off = new ProgressDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                nanos::get, 80);
        off.startPhase("analysing");
        off.redraw();
        off.close();
        assertThat(drawn()).isEmpty();
    }
}

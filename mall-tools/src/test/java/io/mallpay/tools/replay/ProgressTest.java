package io.mallpay.tools.replay;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    /** The fake clock the rate is measured on, in nanoseconds. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    /** 3 worked invoices: PAID, CHECKOUT_REJECTED (an error), CANCELLED (not one). */
    private static ReplayStats threeDoneOneError() {
        ReplayStats stats = new ReplayStats();
        stats.outcome(ReplayStats.PAID);
        stats.outcome(ReplayStats.CHECKOUT_REJECTED);
        stats.outcome(ReplayStats.CANCELLED);
        return stats;
    }

    private String printed() {
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainLineHasTheDocumentedShape() {
        assertThat(Progress.line(312, 2000, 41.23, 3)).isEqualTo("replay: 312/2000 invoices, 41.2/s, 3 errors");
    }

    @Test
    void barFillsInProportion() {
        assertThat(Progress.bar(15, 30, 2.0, 0))
                .isEqualTo("[###############---------------] 15/30 invoices, 2.0/s, 0 errors");
        assertThat(Progress.bar(0, 0, 0, 0)).startsWith("[" + "#".repeat(30) + "]");
        assertThat(Progress.bar(45, 30, 0, 0)).as("never more than full").startsWith("[" + "#".repeat(30) + "]");
    }

    @Test
    void withoutATerminalTheFinalStateIsAPlainLineWithTheCountsAndTheRateSinceTheStart() {
        Progress p = new Progress(out, false, threeDoneOneError(), 8, nanos::get);
        nanos.addAndGet(4_000_000_000L);

        p.close();

        assertThat(printed()).isEqualTo("replay: 3/8 invoices, 0.8/s, 1 errors" + System.lineSeparator());
    }

    @Test
    void onATerminalTheFinalStateRedrawsTheBarAndEndsItsLine() {
        Progress p = new Progress(out, true, threeDoneOneError(), 6, nanos::get);
        nanos.addAndGet(2_000_000_000L);

        p.close();

        assertThat(printed()).isEqualTo("\r[###############---------------] 3/6 invoices, 1.5/s, 1 errors"
                + System.lineSeparator());
    }

    @Test
    void noTimeElapsedIsARateOfZeroNotADivisionByZero() {
        new Progress(out, false, threeDoneOneError(), 3, nanos::get).close();

        assertThat(printed()).isEqualTo("replay: 3/3 invoices, 0.0/s, 1 errors" + System.lineSeparator());
    }

    @Test
    void whileRunningEveryRedrawIsAWholeBarAndTheLastIsTheFinalState() {
        // however many redraws the timer managed (none on a slow machine), each is complete
        try (Progress p = new Progress(out, true, threeDoneOneError(), 6, nanos::get).start()) {
            nanos.addAndGet(3_000_000_000L);
        }

        String[] redraws = printed().strip().split("\r");
        assertThat(Arrays.stream(redraws).filter(r -> !r.isEmpty()))
                .allMatch(r -> r.matches("\\[#{15}-{15}] 3/6 invoices, [0-9.]+/s, 1 errors"))
                .last().isEqualTo("[###############---------------] 3/6 invoices, 1.0/s, 1 errors");
    }
}

package io.mallpay.tools.replay;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    @Test
    void plainLineHasTheDocumentedShape() {
        assertThat(Progress.line(312, 2000, 41.23, 3)).isEqualTo("replay: 312/2000 invoices, 41.2/s, 3 errors");
    }

    @Test
    void barFillsInProportion() {
        assertThat(Progress.bar(15, 30, 2.0, 0))
                .isEqualTo("[###############---------------] 15/30 invoices, 2.0/s, 0 errors");
        assertThat(Progress.bar(0, 0, 0, 0)).startsWith("[" + "#".repeat(30) + "]");
    }

    @Test
    void withoutATerminalTheFinalStateIsAPlainLine() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ReplayStats stats = new ReplayStats();
        stats.outcome(ReplayStats.PAID);
        stats.outcome(ReplayStats.CHECKOUT_REJECTED);
        try (Progress p = new Progress(new PrintStream(buf, true, StandardCharsets.UTF_8), false, stats, 4).start()) {
            assertThat(p).isNotNull();
        }
        assertThat(buf.toString(StandardCharsets.UTF_8)).matches("replay: 2/4 invoices, [0-9.]+/s, 1 errors\\R");
    }
}

package io.mallpay.tools.check;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPrinterTest {

    private static String print(CheckResult r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportPrinter.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOneLinePerInvariantThenTheOffendingRowsThenTheVerdict() {
        Findings fail = new Findings("ORDERS_PAYMENTS", "orders agree with payments", "orders");
        fail.checked(10);
        fail.fail("PAID order has no PAID payment", "order_id", 1L, "orders.payment_id", "p-1");
        fail.warn("refund required", "payment_id", "P9");
        Findings pass = new Findings("STOCK", "stock adds up", "SKUs");
        pass.checked(3444);
        CheckResult r = new CheckResult(Instant.parse("2026-01-10T12:00:00Z"), null,
                List.of(pass.result(), fail.result()));

        String text = print(r);

        assertThat(text).contains("row-level checks over all rows");
        assertThat(text).containsPattern("PASS +STOCK +3444 SKUs checked — stock adds up");
        assertThat(text).containsPattern("FAIL +ORDERS_PAYMENTS +10 orders checked, 1 failed, 1 warning");
        assertThat(text).contains("FAIL ORDERS_PAYMENTS: orders agree with payments (listing 2 of 2)");
        assertThat(text).contains("  FAIL  PAID order has no PAID payment: order_id=1, orders.payment_id=p-1");
        assertThat(text).contains("  WARN  refund required: payment_id=P9");
        assertThat(text).doesNotContain("STOCK: stock adds up");
        assertThat(text).contains("RESULT: FAIL (1 of 2 invariants failed, 0 warned)");
    }

    @Test
    void aWarningOnlyRunPassesAndNamesItsWindow() {
        Findings warn = new Findings("ORDERS_PAYMENTS", "d", "orders");
        warn.warn("still notifying the merchant", "payment_id", "P1");
        CheckResult r = new CheckResult(Instant.parse("2026-01-10T12:00:00Z"),
                Instant.parse("2026-01-10T11:00:00Z"), List.of(warn.result()));

        String text = print(r);

        assertThat(text).contains("rows created since 2026-01-10T11:00:00Z");
        assertThat(text).contains("WARN ORDERS_PAYMENTS: d (listing 1 of 1)");
        assertThat(text).contains("RESULT: PASS (0 of 1 invariants failed, 1 warned)");
    }
}

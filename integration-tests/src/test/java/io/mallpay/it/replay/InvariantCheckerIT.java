package io.mallpay.it.replay;

import io.mallpay.it.support.Db;
import io.mallpay.it.support.MallCli;
import io.mallpay.it.support.Pay;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./mall check} catches a real violation: rows corrupted directly in the databases (a
 * stock count, a voucher line) are named with the rows involved, and the check passes again once
 * they are repaired.
 */
class InvariantCheckerIT {

    private static MallCli.Result check(Instant since) {
        return MallCli.run(Map.of(), 180, "check", "--since", since.toString());
    }

    private static void sql(String db, String statement, Object... args) {
        Db.update(db, statement, args);
    }

    @Test
    void aCorruptedStockRowAndVoucherLineAreNamedByTheChecker() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        Pay.Order o = Pay.order(1_234, 2);
        String paymentId = Pay.payByCard(o, Pay.card(100_000));
        Pay.awaitPayment(paymentId, "PAID", Duration.ofSeconds(60));
        Pay.awaitVoucher(paymentId, Duration.ofSeconds(60));
        Pay.awaitOrderPaid(o.orderId(), Duration.ofSeconds(60));
        // phase two and the notification finish asynchronously: the system is drained once the check passes
        MallCli.Result[] clean = new MallCli.Result[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            clean[0] = check(since);
            return clean[0].exitCode() == 0;
        });

        long lineId = Db.queryLong("pay_accounting", "SELECT l.id FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id"
                + " WHERE v.payment_id = ? AND l.direction = 'DEBIT'", paymentId);
        sql("mall_inventory", "UPDATE sku SET available = available + 1 WHERE sku = ?", o.sku());
        sql("pay_accounting", "UPDATE voucher_line SET amount_cents = amount_cents + 1 WHERE id = ?", lineId);
        try {
            MallCli.Result broken = check(since);
            assertThat(broken.exitCode()).isEqualTo(1);
            assertThat(broken.output()).contains("STOCK").contains(o.sku());
            assertThat(broken.output()).contains("VOUCHERS").contains(paymentId);
        } finally {
            sql("mall_inventory", "UPDATE sku SET available = available - 1 WHERE sku = ?", o.sku());
            sql("pay_accounting", "UPDATE voucher_line SET amount_cents = amount_cents - 1 WHERE id = ?", lineId);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3))
                .until(() -> check(since).exitCode() == 0);
    }
}

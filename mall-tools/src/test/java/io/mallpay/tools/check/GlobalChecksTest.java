package io.mallpay.tools.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** STOCK, POINTS and VOUCHERS: query rows in, violations out. */
class GlobalChecksTest {

    private static Row sku(String sku, int available, int reserved, int sold, int initial, int restocked,
                           int liveReserved, int soldReserved) {
        return Row.of("sku", sku, "available", available, "reserved", reserved, "sold", sold, "initial_stock", initial,
                "restocked", restocked, "live_reserved", java.math.BigDecimal.valueOf(liveReserved),
                "sold_reserved", java.math.BigDecimal.valueOf(soldReserved));
    }

    @Test
    void stockPassesWhenCountersAddUpAndMatchTheReservations() {
        InvariantResult r = StockCheck.evaluate(List.of(sku("A", 5, 2, 3, 8, 2, 2, 3), sku("B", 1, 0, 0, 1, 0, 0, 0)),
                List.of());

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.checked()).isEqualTo(2);
    }

    @Test
    void stockNamesTheSkuThatLostUnitsOrDisagreesWithItsReservations() {
        InvariantResult r = StockCheck.evaluate(List.of(sku("LOST", 4, 2, 3, 8, 2, 2, 3),
                sku("RES", 5, 2, 3, 8, 2, 1, 3), sku("SOLD", 5, 2, 3, 8, 2, 2, 4)),
                List.of(Row.of("sku", "GHOST", "reservations", 2L)));

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.rows()).extracting(Violation::problem).containsExactly(
                "available + reserved + sold != initial + restocked (off by -1)",
                "reserved != sum of RESERVED reservations", "sold != sum of SOLD reservations",
                "reservations of an unknown SKU");
        assertThat(r.rows().get(0).values()).containsEntry("sku", "LOST").containsEntry("available", 4L);
    }

    @Test
    void stockFailsOnANegativeCounterEvenIfTheSumHolds() {
        InvariantResult r = StockCheck.evaluate(List.of(sku("NEG", -1, 1, 0, 0, 0, 1, 0)), List.of());

        assertThat(r.rows()).extracting(Violation::problem).containsExactly("negative stock counter");
    }

    @Test
    void pointsCompareEveryBalanceWithItsLedgerAndFreezes() {
        List<Row> accounts = List.of(Row.of("user_id", 1L, "available", 90L, "frozen", 10L),
                Row.of("user_id", 2L, "available", 50L, "frozen", 0L),
                Row.of("user_id", 3L, "available", 5L, "frozen", 5L));
        List<Row> ledger = List.of(Row.of("user_id", 1L, "ledger_available", 90L, "ledger_frozen", 10L),
                Row.of("user_id", 2L, "ledger_available", 40L, "ledger_frozen", 0L),
                Row.of("user_id", 3L, "ledger_available", 5L, "ledger_frozen", 5L),
                Row.of("user_id", 4L, "ledger_available", 7L, "ledger_frozen", 0L));
        List<Row> freezes = List.of(Row.of("user_id", 1L, "frozen_points", 10L));
        List<Row> tried = List.of(Row.of("payment_id", "P1", "order_id", 9L, "user_id", 1L, "points", 3L,
                "xid", "x:1", "created_at", Rows.T0));

        InvariantResult r = PointsCheck.evaluate(accounts, ledger, freezes, tried);

        assertThat(r.checked()).isEqualTo(3);
        assertThat(r.rows()).extracting(Violation::problem).containsExactly(
                "balance != sum of ledger deltas", "frozen != sum of FROZEN points_freeze rows",
                "ledger rows of a user without an account", "points_reward try never confirmed or cancelled");
        assertThat(r.rows().get(0).values()).containsEntry("user_id", 2L).containsEntry("ledger_available", 40L);
        assertThat(r.rows().get(1).values()).containsEntry("user_id", 3L);
    }

    @Test
    void pointsPassForAnAccountWithNoLedgerOnlyAtZero() {
        InvariantResult zero = PointsCheck.evaluate(List.of(Row.of("user_id", 1L, "available", 0L, "frozen", 0L)),
                List.of(), List.of(), List.of());
        InvariantResult unexplained = PointsCheck.evaluate(
                List.of(Row.of("user_id", 1L, "available", 5L, "frozen", 0L)), List.of(), List.of(), List.of());

        assertThat(zero.status()).isEqualTo(Status.PASS);
        assertThat(unexplained.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void vouchersMustBalanceToTheirAmountAndTheTrialBalanceMustHold() {
        List<Row> vouchers = List.of(
                Row.of("id", 1L, "payment_id", "P1", "amount_cents", 100L, "line_count", 3L,
                        "debit_cents", 100L, "credit_cents", 100L),
                Row.of("id", 2L, "payment_id", "P2", "amount_cents", 100L, "line_count", 2L,
                        "debit_cents", 100L, "credit_cents", 98L),
                Row.of("id", 3L, "payment_id", "P3", "amount_cents", 100L, "line_count", 0L,
                        "debit_cents", 0L, "credit_cents", 0L));

        InvariantResult r = VoucherCheck.evaluate(vouchers, Row.of("debit_cents", 200L, "credit_cents", 198L));

        assertThat(r.checked()).isEqualTo(3);
        assertThat(r.rows()).extracting(Violation::problem).containsExactly("unbalanced voucher: debits != credits",
                "voucher lines do not add up to its amount", "trial balance: all debits != all credits");
        assertThat(r.rows().get(2).values()).containsEntry("difference", 2L);
    }
}

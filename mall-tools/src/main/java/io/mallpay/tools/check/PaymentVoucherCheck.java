package io.mallpay.tools.check;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * DESIGN.md "Invariants", money: every PAID payment has exactly one voucher (the voucher's unique
 * {@code payment_id} forbids a second) with the same amount, commission and method, and every
 * voucher belongs to a PAID payment. Row-level: only payments and vouchers created at or after
 * {@code since}, each matched against all rows of the other side.
 */
final class PaymentVoucherCheck {

    static final String NAME = "PAYMENTS_VOUCHERS";
    static final String DESCRIPTION = "every PAID payment has one voucher with the same amount, commission and"
            + " method; every voucher has a PAID payment";

    private PaymentVoucherCheck() {
    }

    static InvariantResult run(CheckContext ctx) throws SQLException {
        return evaluate(ctx, Tables.payments(ctx.sql()), Tables.vouchers(ctx.sql()));
    }

    static InvariantResult evaluate(CheckContext ctx, List<Row> payments, List<Row> vouchers) {
        Findings f = new Findings(NAME, DESCRIPTION, "paid payments and vouchers");
        Map<String, Row> voucherByPayment = Tables.index(vouchers, v -> v.str("payment_id"));
        Map<String, Row> paymentById = Tables.index(payments, p -> p.str("payment_id"));
        for (Row p : payments) {
            if (!"PAID".equals(p.str("status")) || !ctx.inWindow(p.time("created_at"))) {
                continue;
            }
            f.checked();
            Row v = voucherByPayment.get(p.str("payment_id"));
            if (v == null) {
                f.fail("PAID payment has no voucher", "payment_id", p.str("payment_id"),
                        "order_id", p.lng("order_id"), "amount_cents", p.lng("amount_cents"),
                        "created_at", p.time("created_at"));
            } else if (p.lng("amount_cents") != v.lng("amount_cents")
                    || !Objects.equals(p.lngOrNull("commission_cents"), v.lngOrNull("commission_cents"))
                    || !Objects.equals(p.str("method"), v.str("method"))) {
                f.fail("voucher differs from its payment", "payment_id", p.str("payment_id"),
                        "voucher_id", v.lng("id"),
                        "amount_cents", p.lng("amount_cents") + " vs " + v.lng("amount_cents"),
                        "commission_cents", p.lngOrNull("commission_cents") + " vs " + v.lngOrNull("commission_cents"),
                        "method", p.str("method") + " vs " + v.str("method"));
            }
        }
        for (Row v : vouchers) {
            if (!ctx.inWindow(v.time("created_at"))) {
                continue;
            }
            f.checked();
            Row p = paymentById.get(v.str("payment_id"));
            if (p == null || !"PAID".equals(p.str("status"))) {
                f.fail(p == null ? "voucher of an unknown payment" : "voucher of a payment that is not PAID",
                        "voucher_id", v.lng("id"), "payment_id", v.str("payment_id"),
                        "payment_status", p == null ? null : p.str("status"), "amount_cents", v.lng("amount_cents"));
            }
        }
        return f.result();
    }
}

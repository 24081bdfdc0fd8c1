package io.mallpay.tools.check;

import java.sql.SQLException;
import java.util.List;

/**
 * DESIGN.md "Invariants", money booked: every voucher is balanced (its DEBIT lines sum to its
 * CREDIT lines, and both to the voucher's amount, so it has lines at all), and the trial balance
 * holds: the sum of all DEBIT lines equals the sum of all CREDIT lines. Global: always over every
 * voucher.
 */
final class VoucherCheck {

    static final String NAME = "VOUCHERS";
    static final String DESCRIPTION = "per voucher: debit lines = credit lines = amount; trial balance:"
            + " all debits = all credits";

    private static final String DB = "pay_accounting";
    private static final String VOUCHERS = """
            SELECT v.id, v.payment_id, v.amount_cents, COUNT(l.id) AS line_count,
                   COALESCE(SUM(CASE WHEN l.direction = 'DEBIT' THEN l.amount_cents ELSE 0 END), 0) AS debit_cents,
                   COALESCE(SUM(CASE WHEN l.direction = 'CREDIT' THEN l.amount_cents ELSE 0 END), 0) AS credit_cents
            FROM voucher v LEFT JOIN voucher_line l ON l.voucher_id = v.id
            GROUP BY v.id, v.payment_id, v.amount_cents
            """;
    private static final String TRIAL_BALANCE = """
            SELECT COALESCE(SUM(CASE WHEN direction = 'DEBIT' THEN amount_cents ELSE 0 END), 0) AS debit_cents,
                   COALESCE(SUM(CASE WHEN direction = 'CREDIT' THEN amount_cents ELSE 0 END), 0) AS credit_cents
            FROM voucher_line
            """;

    private VoucherCheck() {
    }

    static InvariantResult run(CheckContext ctx) throws SQLException {
        return evaluate(ctx.sql().query(DB, VOUCHERS), ctx.sql().query(DB, TRIAL_BALANCE).get(0));
    }

    static InvariantResult evaluate(List<Row> vouchers, Row trialBalance) {
        Findings f = new Findings(NAME, DESCRIPTION, "vouchers");
        for (Row v : vouchers) {
            f.checked();
            long debit = v.lng("debit_cents");
            long credit = v.lng("credit_cents");
            long amount = v.lng("amount_cents");
            Object[] values = {"voucher_id", v.lng("id"), "payment_id", v.str("payment_id"), "amount_cents", amount,
                    "debit_cents", debit, "credit_cents", credit, "lines", v.lng("line_count")};
            if (debit != credit) {
                f.fail("unbalanced voucher: debits != credits", values);
            } else if (debit != amount) {
                f.fail("voucher lines do not add up to its amount", values);
            }
        }
        long debits = trialBalance.lng("debit_cents");
        long credits = trialBalance.lng("credit_cents");
        if (debits != credits) {
            f.fail("trial balance: all debits != all credits", "debit_cents", debits, "credit_cents", credits,
                    "difference", debits - credits);
        }
        return f.result();
    }
}

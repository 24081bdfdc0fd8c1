package io.mallpay.tools.check;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DESIGN.md "Invariants", money: merchant credits equal paid amounts minus commission. For every
 * PAID payment the TCC rows of the fund ledger with {@code reference = payment_id} net to
 * {@code amount - commission} on the merchant's available balance (0 on incoming and outgoing), to
 * {@code -amount} on the user's wallet for a WALLET payment, and to 0 on every other account; for a
 * PENDING, FAILED or CLOSED payment they net to 0 everywhere. Fund movements naming no payment
 * also fail. Row-level: payments created at or after {@code since}, and unknown references first
 * written at or after it.
 */
final class MerchantCreditCheck {

    static final String NAME = "PAYMENTS_MERCHANT_CREDITS";
    static final String DESCRIPTION = "per payment: fund ledger nets amount - commission to the merchant's available,"
            + " -amount to a WALLET payer, 0 elsewhere; 0 for unpaid payments";

    static final String NETS = """
            SELECT l.reference, a.owner_type, a.owner_id, SUM(l.delta_available) AS net_available,
                   SUM(l.delta_incoming) AS net_incoming, SUM(l.delta_outgoing) AS net_outgoing,
                   MIN(l.created_at) AS first_at
            FROM fund_ledger l JOIN fund_account a ON a.id = l.account_id
            WHERE l.entry_type NOT IN ('OPENING', 'TOP_UP')
            GROUP BY l.reference, a.owner_type, a.owner_id
            """;

    private MerchantCreditCheck() {
    }

    static InvariantResult run(CheckContext ctx) throws SQLException {
        return evaluate(ctx, Tables.payments(ctx.sql()), ctx.sql().query("pay_fund", NETS));
    }

    /** {@code nets}: one row per (payment reference, account owner) with the summed deltas. */
    static InvariantResult evaluate(CheckContext ctx, List<Row> payments, List<Row> nets) {
        Findings f = new Findings(NAME, DESCRIPTION, "payments");
        Map<String, Map<String, Row>> netsByReference = new HashMap<>();
        for (Row n : nets) {
            netsByReference.computeIfAbsent(n.str("reference"), k -> new LinkedHashMap<>())
                    .put(n.str("owner_type") + ":" + n.str("owner_id"), n);
        }
        Map<String, Row> paymentById = Tables.index(payments, p -> p.str("payment_id"));
        for (Row p : payments) {
            if (!ctx.inWindow(p.time("created_at"))) {
                continue;
            }
            f.checked();
            Map<String, Row> moved = netsByReference.getOrDefault(p.str("payment_id"), Map.of());
            Map<String, Long> expected = expected(p);
            for (Map.Entry<String, Long> e : expected.entrySet()) {
                Row n = moved.getOrDefault(e.getKey(), Row.of());
                if (n.lng("net_available") != e.getValue() || parked(n)) {
                    f.fail(e.getKey().startsWith("MERCHANT") ? "merchant credit != amount - commission"
                            : "wallet debit != amount", values(p, e.getKey(), e.getValue(), n));
                }
            }
            for (Map.Entry<String, Row> m : moved.entrySet()) {
                Row n = m.getValue();
                if (!expected.containsKey(m.getKey()) && (n.lng("net_available") != 0 || parked(n))) {
                    f.fail("PAID".equals(p.str("status")) ? "money moved on an unrelated account"
                            : "money moved for a " + p.str("status") + " payment", values(p, m.getKey(), 0L, n));
                }
            }
        }
        for (Map.Entry<String, Map<String, Row>> r : netsByReference.entrySet()) {
            if (paymentById.containsKey(r.getKey())) {
                continue;
            }
            for (Map.Entry<String, Row> m : r.getValue().entrySet()) {
                Row n = m.getValue();
                if ((n.lng("net_available") != 0 || parked(n)) && ctx.inWindow(n.time("first_at"))) {
                    f.fail("money moved for an unknown payment", "reference", r.getKey(), "account", m.getKey(),
                            "net_available", n.lng("net_available"), "net_incoming", n.lng("net_incoming"),
                            "net_outgoing", n.lng("net_outgoing"), "first_at", n.time("first_at"));
                }
            }
        }
        return f.result();
    }

    /** What a payment must have moved on available, by account owner ("MERCHANT:id", "USER:id"). */
    static Map<String, Long> expected(Row p) {
        Map<String, Long> expected = new LinkedHashMap<>();
        if ("PAID".equals(p.str("status"))) {
            expected.put("MERCHANT:" + p.str("merchant_id"), p.lng("amount_cents") - p.lng("commission_cents"));
            if ("WALLET".equals(p.str("method"))) {
                expected.put("USER:" + p.lng("user_id"), -p.lng("amount_cents"));
            }
        }
        return expected;
    }

    /** Whether money of the reference still sits in incoming or outgoing (a try not settled). */
    private static boolean parked(Row net) {
        return net.lng("net_incoming") != 0 || net.lng("net_outgoing") != 0;
    }

    private static Object[] values(Row p, String account, long expectedAvailable, Row n) {
        return new Object[]{"payment_id", p.str("payment_id"), "status", p.str("status"), "method", p.str("method"),
                "amount_cents", p.lng("amount_cents"), "commission_cents", p.lngOrNull("commission_cents"),
                "account", account, "expected_available", expectedAvailable,
                "net_available", n.lng("net_available"), "net_incoming", n.lng("net_incoming"),
                "net_outgoing", n.lng("net_outgoing")};
    }
}

package io.mallpay.tools.check;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DESIGN.md "Invariants", points: every change has a ledger row, so for every user
 * {@code points_account.available = SUM(points_ledger.delta_available)} and {@code frozen =
 * SUM(delta_frozen)}; neither is negative; {@code frozen} equals the points of the user's FROZEN
 * {@code points_freeze} rows; a ledger or freeze row never belongs to a user without an account.
 * After the system drains, no {@code points_reward} is left TRIED (a TCC try neither confirmed nor
 * cancelled). Global: always over every account.
 */
final class PointsCheck {

    static final String NAME = "POINTS";
    static final String DESCRIPTION = "per user: available/frozen = sums of points_ledger deltas, none negative,"
            + " frozen = FROZEN points_freeze points; no points_reward left TRIED";

    private static final String DB = "mall_points";
    private static final String ACCOUNTS = "SELECT user_id, available, frozen FROM points_account";
    private static final String LEDGER = "SELECT user_id, SUM(delta_available) AS ledger_available,"
            + " SUM(delta_frozen) AS ledger_frozen FROM points_ledger GROUP BY user_id";
    private static final String FREEZES = "SELECT user_id, SUM(points) AS frozen_points FROM points_freeze"
            + " WHERE status = 'FROZEN' GROUP BY user_id";
    private static final String TRIED = "SELECT payment_id, order_id, user_id, points, xid, created_at"
            + " FROM points_reward WHERE status = 'TRIED'";

    private PointsCheck() {
    }

    static InvariantResult run(CheckContext ctx) throws SQLException {
        Sql sql = ctx.sql();
        return evaluate(sql.query(DB, ACCOUNTS), sql.query(DB, LEDGER), sql.query(DB, FREEZES), sql.query(DB, TRIED));
    }

    static InvariantResult evaluate(List<Row> accounts, List<Row> ledger, List<Row> freezes, List<Row> tried) {
        Findings f = new Findings(NAME, DESCRIPTION, "accounts");
        Map<Long, Row> ledgerByUser = byUser(ledger);
        Map<Long, Row> freezeByUser = byUser(freezes);
        Set<Long> users = new HashSet<>();
        for (Row a : accounts) {
            f.checked();
            long user = a.lng("user_id");
            users.add(user);
            long available = a.lng("available");
            long frozen = a.lng("frozen");
            Row l = ledgerByUser.getOrDefault(user, Row.of());
            long frozenPoints = freezeByUser.getOrDefault(user, Row.of()).lng("frozen_points");
            Object[] values = {"user_id", user, "available", available, "frozen", frozen,
                    "ledger_available", l.lng("ledger_available"), "ledger_frozen", l.lng("ledger_frozen"),
                    "frozen_freeze_points", frozenPoints};
            if (available != l.lng("ledger_available") || frozen != l.lng("ledger_frozen")) {
                f.fail("balance != sum of ledger deltas", values);
            }
            if (available < 0 || frozen < 0) {
                f.fail("negative balance", values);
            }
            if (frozen != frozenPoints) {
                f.fail("frozen != sum of FROZEN points_freeze rows", values);
            }
        }
        for (Row l : ledger) {
            if (!users.contains(l.lng("user_id"))) {
                f.fail("ledger rows of a user without an account", "user_id", l.lng("user_id"),
                        "ledger_available", l.lng("ledger_available"), "ledger_frozen", l.lng("ledger_frozen"));
            }
        }
        for (Row z : freezes) {
            if (!users.contains(z.lng("user_id"))) {
                f.fail("FROZEN points of a user without an account", "user_id", z.lng("user_id"),
                        "frozen_freeze_points", z.lng("frozen_points"));
            }
        }
        for (Row t : tried) {
            f.fail("points_reward try never confirmed or cancelled", "payment_id", t.str("payment_id"),
                    "order_id", t.lng("order_id"), "user_id", t.lng("user_id"), "points", t.lng("points"),
                    "xid", t.str("xid"), "created_at", t.time("created_at"));
        }
        return f.result();
    }

    private static Map<Long, Row> byUser(List<Row> rows) {
        Map<Long, Row> map = new HashMap<>();
        rows.forEach(r -> map.put(r.lng("user_id"), r));
        return map;
    }
}

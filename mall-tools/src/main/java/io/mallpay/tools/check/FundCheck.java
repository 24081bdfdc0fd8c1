package io.mallpay.tools.check;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DESIGN.md "Invariants", money held by the platform: for every fund account
 * {@code available/incoming/outgoing_cents} equal the sums of its {@code fund_ledger} deltas and
 * none is negative. After the system drains, every TCC branch in the ledger is settled: each
 * {@code (xid, branch_id)} with a CREDIT_TRY (DEBIT_TRY) has exactly one CREDIT_CONFIRM or
 * CREDIT_CANCEL (DEBIT_...), never both and never a settlement without its try, and every account
 * has {@code incoming = outgoing = 0}. Global: always over every account and branch.
 */
final class FundCheck {

    static final String NAME = "FUND";
    static final String DESCRIPTION = "per fund account: balances = sums of fund_ledger deltas, none negative,"
            + " incoming = outgoing = 0; every TCC try settled once (confirm xor cancel)";

    private static final String DB = "pay_fund";
    private static final String ACCOUNTS = "SELECT id, owner_type, owner_id, available_cents, incoming_cents,"
            + " outgoing_cents FROM fund_account";
    private static final String LEDGER = "SELECT account_id, SUM(delta_available) AS ledger_available,"
            + " SUM(delta_incoming) AS ledger_incoming, SUM(delta_outgoing) AS ledger_outgoing"
            + " FROM fund_ledger GROUP BY account_id";
    private static final String BRANCHES = """
            SELECT xid, branch_id, MIN(reference) AS reference, MIN(account_id) AS account_id,
                   SUM(CASE WHEN entry_type = 'CREDIT_TRY' THEN 1 ELSE 0 END) AS credit_try,
                   SUM(CASE WHEN entry_type = 'CREDIT_CONFIRM' THEN 1 ELSE 0 END) AS credit_confirm,
                   SUM(CASE WHEN entry_type = 'CREDIT_CANCEL' THEN 1 ELSE 0 END) AS credit_cancel,
                   SUM(CASE WHEN entry_type = 'DEBIT_TRY' THEN 1 ELSE 0 END) AS debit_try,
                   SUM(CASE WHEN entry_type = 'DEBIT_CONFIRM' THEN 1 ELSE 0 END) AS debit_confirm,
                   SUM(CASE WHEN entry_type = 'DEBIT_CANCEL' THEN 1 ELSE 0 END) AS debit_cancel
            FROM fund_ledger WHERE entry_type NOT IN ('OPENING', 'TOP_UP') GROUP BY xid, branch_id
            """;

    private FundCheck() {
    }

    static InvariantResult run(CheckContext ctx) throws SQLException {
        Sql sql = ctx.sql();
        return evaluate(sql.query(DB, ACCOUNTS), sql.query(DB, LEDGER), sql.query(DB, BRANCHES));
    }

    static InvariantResult evaluate(List<Row> accounts, List<Row> ledger, List<Row> branches) {
        Findings f = new Findings(NAME, DESCRIPTION, "accounts and TCC branches");
        Map<Long, Row> ledgerByAccount = new HashMap<>();
        ledger.forEach(l -> ledgerByAccount.put(l.lng("account_id"), l));
        Set<Long> ids = new HashSet<>();
        for (Row a : accounts) {
            f.checked();
            ids.add(a.lng("id"));
            balances(f, a, ledgerByAccount.getOrDefault(a.lng("id"), Row.of()));
        }
        for (Row l : ledger) {
            if (!ids.contains(l.lng("account_id"))) {
                f.fail("ledger rows of an unknown account", "account_id", l.lng("account_id"));
            }
        }
        for (Row b : branches) {
            f.checked();
            branch(f, b);
        }
        return f.result();
    }

    private static void balances(Findings f, Row a, Row l) {
        long available = a.lng("available_cents");
        long incoming = a.lng("incoming_cents");
        long outgoing = a.lng("outgoing_cents");
        Object[] values = {"account_id", a.lng("id"), "owner", a.str("owner_type") + ":" + a.str("owner_id"),
                "available_cents", available, "incoming_cents", incoming, "outgoing_cents", outgoing,
                "ledger_available", l.lng("ledger_available"), "ledger_incoming", l.lng("ledger_incoming"),
                "ledger_outgoing", l.lng("ledger_outgoing")};
        if (available != l.lng("ledger_available") || incoming != l.lng("ledger_incoming")
                || outgoing != l.lng("ledger_outgoing")) {
            f.fail("balance != sum of ledger deltas", values);
        }
        if (available < 0 || incoming < 0 || outgoing < 0) {
            f.fail("negative balance", values);
        }
        if (incoming != 0 || outgoing != 0) {
            f.fail("incoming/outgoing not 0 after drain (a TCC try in flight or never settled)", values);
        }
    }

    private static void branch(Findings f, Row b) {
        String problem = branchProblem(b.str("xid"), b.lng("credit_try"), b.lng("credit_confirm"),
                b.lng("credit_cancel"), b.lng("debit_try"), b.lng("debit_confirm"), b.lng("debit_cancel"));
        if (problem != null) {
            f.fail(problem, "xid", b.str("xid"), "branch_id", b.lngOrNull("branch_id"),
                    "reference", b.str("reference"), "account_id", b.lng("account_id"),
                    "credit_try/confirm/cancel", b.lng("credit_try") + "/" + b.lng("credit_confirm") + "/"
                            + b.lng("credit_cancel"),
                    "debit_try/confirm/cancel", b.lng("debit_try") + "/" + b.lng("debit_confirm") + "/"
                            + b.lng("debit_cancel"));
        }
    }

    /** Why a branch's ledger rows are not "one try, then exactly one confirm or cancel"; null if they are. */
    static String branchProblem(String xid, long creditTry, long creditConfirm, long creditCancel,
                                long debitTry, long debitConfirm, long debitCancel) {
        if (xid == null) {
            return "TCC ledger rows without an xid";
        }
        boolean credit = creditTry + creditConfirm + creditCancel > 0;
        boolean debit = debitTry + debitConfirm + debitCancel > 0;
        if (credit && debit) {
            return "branch has both credit and debit rows";
        }
        long tries = credit ? creditTry : debitTry;
        long confirms = credit ? creditConfirm : debitConfirm;
        long cancels = credit ? creditCancel : debitCancel;
        if (tries == 0) {
            return "settled without a try";
        }
        if (confirms > 0 && cancels > 0) {
            return "both confirmed and cancelled";
        }
        if (tries > 1 || confirms + cancels > 1) {
            return "phase recorded more than once";
        }
        if (confirms + cancels == 0) {
            return "try never confirmed or cancelled";
        }
        return null;
    }
}

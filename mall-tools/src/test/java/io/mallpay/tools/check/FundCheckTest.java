package io.mallpay.tools.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FundCheckTest {

    private static Row account(long id, long available, long incoming, long outgoing) {
        return Row.of("id", id, "owner_type", "MERCHANT", "owner_id", "M-" + id, "available_cents", available,
                "incoming_cents", incoming, "outgoing_cents", outgoing);
    }

    private static Row ledger(long id, long available, long incoming, long outgoing) {
        return Row.of("account_id", id, "ledger_available", available, "ledger_incoming", incoming,
                "ledger_outgoing", outgoing);
    }

    private static Row branch(String xid, long branchId, long... counts) {
        return Row.of("xid", xid, "branch_id", branchId, "reference", "P" + branchId, "account_id", 1L,
                "credit_try", counts[0], "credit_confirm", counts[1], "credit_cancel", counts[2],
                "debit_try", counts[3], "debit_confirm", counts[4], "debit_cancel", counts[5]);
    }

    @Test
    void aDrainedLedgerWithSettledBranchesPasses() {
        InvariantResult r = FundCheck.evaluate(List.of(account(1, 980, 0, 0)), List.of(ledger(1, 980, 0, 0)),
                List.of(branch("x1", 1, 1, 1, 0, 0, 0, 0), branch("x2", 2, 0, 0, 0, 1, 0, 1)));

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.checked()).isEqualTo(3);
    }

    @Test
    void balancesMustEqualTheLedgerAndBeSettled() {
        InvariantResult r = FundCheck.evaluate(List.of(account(1, 980, 0, 0), account(2, 0, 500, 0)),
                List.of(ledger(1, 990, 0, 0), ledger(2, 0, 500, 0), ledger(3, 1, 0, 0)), List.of());

        assertThat(r.rows()).extracting(Violation::problem).containsExactly("balance != sum of ledger deltas",
                "incoming/outgoing not 0 after drain (a TCC try in flight or never settled)",
                "ledger rows of an unknown account");
        assertThat(r.rows().get(0).values()).containsEntry("account_id", 1L).containsEntry("owner", "MERCHANT:M-1");
    }

    @Test
    void everyBranchIsOneTryThenConfirmXorCancel() {
        assertThat(FundCheck.branchProblem("x", 1, 1, 0, 0, 0, 0)).isNull();
        assertThat(FundCheck.branchProblem("x", 1, 0, 1, 0, 0, 0)).isNull();
        assertThat(FundCheck.branchProblem("x", 0, 0, 0, 1, 1, 0)).isNull();
        assertThat(FundCheck.branchProblem("x", 0, 0, 0, 1, 0, 1)).isNull();
        assertThat(FundCheck.branchProblem("x", 1, 0, 0, 0, 0, 0)).isEqualTo("try never confirmed or cancelled");
        assertThat(FundCheck.branchProblem("x", 0, 0, 0, 1, 0, 0)).isEqualTo("try never confirmed or cancelled");
        assertThat(FundCheck.branchProblem("x", 1, 1, 1, 0, 0, 0)).isEqualTo("both confirmed and cancelled");
        assertThat(FundCheck.branchProblem("x", 0, 1, 0, 0, 0, 0)).isEqualTo("settled without a try");
        assertThat(FundCheck.branchProblem("x", 0, 0, 0, 0, 0, 1)).isEqualTo("settled without a try");
        assertThat(FundCheck.branchProblem("x", 1, 1, 0, 1, 1, 0)).isEqualTo("branch has both credit and debit rows");
        assertThat(FundCheck.branchProblem("x", 2, 1, 0, 0, 0, 0)).isEqualTo("phase recorded more than once");
        assertThat(FundCheck.branchProblem(null, 1, 1, 0, 0, 0, 0)).isEqualTo("TCC ledger rows without an xid");
    }

    @Test
    void anUnsettledBranchIsListedWithItsXidAndReference() {
        InvariantResult r = FundCheck.evaluate(List.of(), List.of(),
                List.of(branch("ip:8091:42", 43, 1, 0, 0, 0, 0, 0)));

        assertThat(r.rows()).singleElement().satisfies(v -> assertThat(v.values())
                .containsEntry("xid", "ip:8091:42").containsEntry("branch_id", 43L).containsEntry("reference", "P43")
                .containsEntry("credit_try/confirm/cancel", "1/0/0"));
    }
}

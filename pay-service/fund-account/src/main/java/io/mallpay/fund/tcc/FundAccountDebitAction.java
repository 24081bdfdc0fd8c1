package io.mallpay.fund.tcc;

import io.mallpay.fund.ledger.EntryType;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * TCC action {@code fund-debit}: pays from a user's wallet as a branch of the payment platform's
 * completion global transaction. Try moves the amount (pence) from available to outgoing, confirm
 * spends it, cancel returns it to available. Seata's fence ({@code tcc_fence_log}) makes confirm and
 * cancel idempotent per branch, lets a cancel with no try succeed without change (empty rollback)
 * and refuses a try after its cancel with a {@code CommonFenceException} (suspension);
 * {@link FundTccService} makes phase 2 idempotent on its own too.
 *
 * <p>Seata proxies this bean (CGLIB, hence public non-final methods): call {@link #tryDebit} on
 * the injected bean, inside a global transaction, with {@code null} for the context.
 */
@LocalTCC
@Component
public class FundAccountDebitAction {

    private static final Logger log = LoggerFactory.getLogger(FundAccountDebitAction.class);

    private final FundTccService fund;
    private final AfterCommitFaults faults;

    public FundAccountDebitAction(FundTccService fund, AfterCommitFaults faults) {
        this.fund = fund;
        this.faults = faults;
    }

    /**
     * Try: reserves {@code amountCents} (&gt; 0, pence) of the user's available balance as outgoing.
     * Errors: 404 {@code UNKNOWN_FUND_ACCOUNT}, 409 {@code FUND_ACCOUNT_FROZEN}, 409
     * {@code INSUFFICIENT_FUNDS}; a suspended branch raises Seata's {@code CommonFenceException}.
     */
    @TwoPhaseBusinessAction(name = "fund-debit", commitMethod = "confirm", rollbackMethod = "cancel",
            useTCCFence = true)
    public boolean tryDebit(BusinessActionContext context,
                            @BusinessActionContextParameter(TccBranch.PAYMENT_ID) String paymentId,
                            @BusinessActionContextParameter("userId") long userId,
                            @BusinessActionContextParameter(TccBranch.AMOUNT_CENTS) long amountCents) {
        log.info("fund-debit try: payment {} user {} {} pence (xid {}, branch {})",
                paymentId, userId, amountCents, context.getXid(), context.getBranchId());
        fund.tryDebit(context.getXid(), context.getBranchId(), paymentId, userId, amountCents);
        return true;
    }

    /** Confirm: the outgoing pence leave the wallet. Idempotent; no try → no-op. */
    public boolean confirm(BusinessActionContext context) {
        TccBranch branch = TccBranch.of(context);
        log.info("fund-debit confirm: payment {} {} pence (xid {}, branch {})",
                branch.paymentId(), branch.amountCents(), branch.xid(), branch.branchId());
        fund.settle(branch, EntryType.DEBIT_TRY, EntryType.DEBIT_CONFIRM);
        faults.hit("fund.debit.confirm.after-commit");
        return true;
    }

    /** Cancel: the outgoing pence return to available. Idempotent; no try (empty rollback) → no-op. */
    public boolean cancel(BusinessActionContext context) {
        TccBranch branch = TccBranch.of(context);
        log.info("fund-debit cancel: payment {} {} pence (xid {}, branch {})",
                branch.paymentId(), branch.amountCents(), branch.xid(), branch.branchId());
        fund.settle(branch, EntryType.DEBIT_TRY, EntryType.DEBIT_CANCEL);
        faults.hit("fund.debit.cancel.after-commit");
        return true;
    }
}

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
 * TCC action {@code fund-credit}: credits a merchant's fund account as a branch of the payment
 * platform's completion global transaction. Try adds the amount (pence) to incoming, confirm moves
 * it to available, cancel drops it. Seata's fence ({@code tcc_fence_log}) runs each phase in one
 * local transaction with its fence row: confirm and cancel are idempotent per branch, a cancel
 * before its try succeeds and changes nothing (empty rollback), and a try after its cancel is
 * refused with a {@code CommonFenceException} (suspension). {@link FundTccService} makes phase 2
 * idempotent on its own too.
 *
 * <p>Seata proxies this bean (CGLIB, hence public non-final methods): call {@link #tryCredit} on
 * the injected bean, inside a global transaction, with {@code null} for the context.
 */
@LocalTCC
@Component
public class FundAccountCreditAction {

    private static final Logger log = LoggerFactory.getLogger(FundAccountCreditAction.class);

    private final FundTccService fund;
    private final AfterCommitFaults faults;

    public FundAccountCreditAction(FundTccService fund, AfterCommitFaults faults) {
        this.fund = fund;
        this.faults = faults;
    }

    /**
     * Try: opens the merchant's account if absent and reserves {@code amountCents} (&gt; 0, pence) as
     * incoming. Errors: 409 {@code FUND_ACCOUNT_FROZEN}; a suspended branch raises Seata's
     * {@code CommonFenceException}. Returns true (Seata's convention for a successful phase).
     */
    @TwoPhaseBusinessAction(name = "fund-credit", commitMethod = "confirm", rollbackMethod = "cancel",
            useTCCFence = true)
    public boolean tryCredit(BusinessActionContext context,
                             @BusinessActionContextParameter(TccBranch.PAYMENT_ID) String paymentId,
                             @BusinessActionContextParameter("merchantId") String merchantId,
                             @BusinessActionContextParameter(TccBranch.AMOUNT_CENTS) long amountCents) {
        log.info("fund-credit try: payment {} merchant {} {} pence (xid {}, branch {})",
                paymentId, merchantId, amountCents, context.getXid(), context.getBranchId());
        fund.tryCredit(context.getXid(), context.getBranchId(), paymentId, merchantId, amountCents);
        return true;
    }

    /** Confirm: the tried pence move from incoming to available. Idempotent; no try → no-op. */
    public boolean confirm(BusinessActionContext context) {
        TccBranch branch = TccBranch.of(context);
        log.info("fund-credit confirm: payment {} {} pence (xid {}, branch {})",
                branch.paymentId(), branch.amountCents(), branch.xid(), branch.branchId());
        fund.settle(branch, EntryType.CREDIT_TRY, EntryType.CREDIT_CONFIRM);
        faults.hit("fund.credit.confirm.after-commit");
        return true;
    }

    /** Cancel: the tried pence leave incoming. Idempotent; no try (empty rollback) → no-op. */
    public boolean cancel(BusinessActionContext context) {
        TccBranch branch = TccBranch.of(context);
        log.info("fund-credit cancel: payment {} {} pence (xid {}, branch {})",
                branch.paymentId(), branch.amountCents(), branch.xid(), branch.branchId());
        fund.settle(branch, EntryType.CREDIT_TRY, EntryType.CREDIT_CANCEL);
        faults.hit("fund.credit.cancel.after-commit");
        return true;
    }
}

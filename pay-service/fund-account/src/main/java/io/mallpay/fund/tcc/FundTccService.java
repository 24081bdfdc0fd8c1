package io.mallpay.fund.tcc;

import io.mallpay.fund.account.FundAccount;
import io.mallpay.fund.account.FundAccountService;
import io.mallpay.fund.api.FundAccountClient.OwnerType;
import io.mallpay.fund.ledger.EntryType;
import io.mallpay.fund.ledger.LedgerEntry;
import io.mallpay.fund.ledger.LedgerMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The business of the fund TCC branches, called by {@link FundAccountCreditAction} and
 * {@link FundAccountDebitAction}. Amounts are pence. Each method joins the transaction Seata's
 * fence opened (so the fence row and the balances commit together) and opens one otherwise.
 *
 * <p>Phase 2 does not rely on the fence alone: it settles only a branch whose try row is in the
 * ledger (a cancel with no try changes nothing), at most once (the ledger's unique
 * {@code (xid, branch_id, entry_type)} and a re-check under the account's row lock), and never
 * both ways. A try repeated for the same payment and account within one global transaction (a
 * caller's retry registers a new branch) reserves nothing the second time; that branch's phase 2
 * then finds no try row and does nothing.
 */
@Service
public class FundTccService {

    private static final Logger log = LoggerFactory.getLogger(FundTccService.class);

    private final FundAccountService accounts;
    private final LedgerMapper ledger;

    public FundTccService(FundAccountService accounts, LedgerMapper ledger) {
        this.accounts = accounts;
        this.ledger = ledger;
    }

    /**
     * Credit try: opens the merchant's account if absent and adds {@code amountCents} to incoming.
     * 409 {@code FUND_ACCOUNT_FROZEN} if the account is frozen.
     */
    @Transactional
    public void tryCredit(String xid, long branchId, String paymentId, String merchantId, long amountCents) {
        FundAccount account = accounts.openAndLock(OwnerType.MERCHANT, merchantId, paymentId, xid, branchId);
        reserve(account, EntryType.CREDIT_TRY, xid, branchId, paymentId, amountCents);
    }

    /**
     * Debit try on the user's wallet: available → outgoing. 404 {@code UNKNOWN_FUND_ACCOUNT},
     * 409 {@code FUND_ACCOUNT_FROZEN}, 409 {@code INSUFFICIENT_FUNDS}.
     */
    @Transactional
    public void tryDebit(String xid, long branchId, String paymentId, long userId, long amountCents) {
        FundAccount account = accounts.lockExisting(OwnerType.USER, Long.toString(userId));
        reserve(account, EntryType.DEBIT_TRY, xid, branchId, paymentId, amountCents);
    }

    /**
     * Phase 2: applies {@code settleType} (a confirm or cancel) of the branch's {@code tryType} row.
     * Idempotent; a no-op when the branch has no try row (empty rollback). Throws
     * {@link IllegalStateException} (the TC retries) if the branch was already settled the other way
     * or the context disagrees with the try row.
     */
    @Transactional
    public void settle(TccBranch branch, EntryType tryType, EntryType settleType) {
        LedgerEntry tried = find(ledger.selectBranch(branch.xid(), branch.branchId()), tryType);
        if (tried == null) {
            log.info("{} of payment {}: no {} recorded for xid {} branch {} (empty rollback or repeated try), nothing to do",
                    settleType, branch.paymentId(), tryType, branch.xid(), branch.branchId());
            return;
        }
        accounts.lockById(tried.getAccountId());
        // re-read under the account lock: a concurrent phase 2 of the same branch may just have committed
        List<LedgerEntry> rows = ledger.selectBranch(branch.xid(), branch.branchId());
        LedgerEntry settled = rows.stream().filter(r -> r.getEntryType() != tryType
                && r.getEntryType() != EntryType.OPENING).findFirst().orElse(null);
        if (settled != null && settled.getEntryType() == settleType) {
            log.info("{} of payment {} already done for xid {} branch {}: no-op",
                    settleType, branch.paymentId(), branch.xid(), branch.branchId());
            return;
        }
        if (settled != null) {
            throw new IllegalStateException("branch " + branch.branchId() + " of " + branch.xid() + " was already "
                    + settled.getEntryType() + "; refusing " + settleType);
        }
        if (tried.amountCents() != branch.amountCents()) {
            throw new IllegalStateException("branch " + branch.branchId() + " of " + branch.xid() + " tried "
                    + tried.amountCents() + " pence but its context says " + branch.amountCents());
        }
        accounts.settle(LedgerEntry.of(settleType, tried.getAccountId(), branch.paymentId(), branch.amountCents(),
                branch.xid(), branch.branchId()));
        log.info("{}: {} pence of payment {} on account {} (xid {}, branch {})", settleType, branch.amountCents(),
                branch.paymentId(), tried.getAccountId(), branch.xid(), branch.branchId());
    }

    private void reserve(FundAccount account, EntryType tryType, String xid, long branchId,
                         String paymentId, long amountCents) {
        if (ledger.countTries(xid, paymentId, account.getId(), tryType) > 0) {
            log.info("{} of payment {} on account {} already made in xid {}: branch {} reserves nothing",
                    tryType, paymentId, account.getId(), xid, branchId);
            return;
        }
        accounts.moveActive(account, LedgerEntry.of(tryType, account.getId(), paymentId, amountCents, xid, branchId));
        log.info("{}: {} pence of payment {} on account {} ({} {}) (xid {}, branch {})", tryType, amountCents,
                paymentId, account.getId(), account.getOwnerType(), account.getOwnerId(), xid, branchId);
    }

    private static LedgerEntry find(List<LedgerEntry> rows, EntryType type) {
        return rows.stream().filter(r -> r.getEntryType() == type).findFirst().orElse(null);
    }
}

package io.mallpay.fund.account;

import io.mallpay.fund.api.FundAccountClient.OwnerType;
import io.mallpay.fund.ledger.EntryType;
import io.mallpay.fund.ledger.LedgerEntry;
import io.mallpay.fund.ledger.LedgerMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens accounts in their own short transaction. Why: an {@code INSERT IGNORE} that meets an
 * existing row takes a shared lock on it; if the caller's transaction then locked the row for
 * update, two concurrent payments to the same merchant would each hold the shared lock and wait
 * for the other's (an InnoDB deadlock). Committed at once, the opening leaves no lock behind, and
 * concurrent openers of one owner simply wait on the unique key and find the row. An account
 * opened for an operation that then fails stays open at zero, with its OPENING row.
 */
@Component
public class AccountOpener {

    private static final Logger log = LoggerFactory.getLogger(AccountOpener.class);

    private final FundAccountMapper accounts;
    private final LedgerMapper ledger;

    public AccountOpener(FundAccountMapper accounts, LedgerMapper ledger) {
        this.accounts = accounts;
        this.ledger = ledger;
    }

    /** Opens the owner's account ACTIVE at zero with an OPENING row of zero deltas, unless it exists. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void openIfAbsent(OwnerType type, String owner, String reference, String xid, Long branchId) {
        if (accounts.openIfAbsent(type, owner) == 1) {
            FundAccount opened = accounts.selectByOwner(type, owner);
            ledger.insert(LedgerEntry.of(EntryType.OPENING, opened.getId(), reference, 0, xid, branchId));
            log.info("opened fund account {} of {} {} ({})", opened.getId(), type, owner, reference);
        }
    }
}

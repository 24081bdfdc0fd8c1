package io.mallpay.fund.account;

import io.mallpay.common.web.ApiException;
import io.mallpay.fund.api.FundAccountClient.AccountStatus;
import io.mallpay.fund.api.FundAccountClient.FundAccountResponse;
import io.mallpay.fund.api.FundAccountClient.OwnerType;
import io.mallpay.fund.ledger.EntryType;
import io.mallpay.fund.ledger.LedgerEntry;
import io.mallpay.fund.ledger.LedgerMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to fund accounts goes through here: opening, balance moves and status. A balance
 * move applies a {@link LedgerEntry}'s deltas with a conditional UPDATE and inserts that same entry
 * in the same local transaction, so each balance always equals the sum of the account's ledger
 * deltas. Amounts are pence.
 *
 * <p>Methods join the caller's transaction (a TCC try or phase 2 runs inside Seata's fence
 * transaction; a top-up inside its own). Rejections are {@link ApiException}s:
 * {@code VALIDATION_FAILED} (400, a user id that is not a positive number),
 * {@code UNKNOWN_FUND_ACCOUNT} (404), {@code FUND_ACCOUNT_FROZEN} (409), {@code INSUFFICIENT_FUNDS} (409).
 */
@Service
public class FundAccountService {

    private static final Logger log = LoggerFactory.getLogger(FundAccountService.class);

    private final FundAccountMapper accounts;
    private final LedgerMapper ledger;
    private final AccountOpener opener;

    public FundAccountService(FundAccountMapper accounts, LedgerMapper ledger, AccountOpener opener) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.opener = opener;
    }

    /**
     * The owner's account, opened ACTIVE at zero (with an OPENING ledger row of zero deltas whose
     * reference is {@code reference}) if absent, and row-locked until the transaction ends.
     * {@code xid}/{@code branchId} tag the OPENING row when a TCC try opens the account (else null).
     * The opening itself commits at once ({@link AccountOpener} says why).
     */
    @Transactional
    public FundAccount openAndLock(OwnerType type, String ownerId, String reference, String xid, Long branchId) {
        String owner = ownerKey(type, ownerId);
        // a plain read takes no lock, so the opener's own transaction cannot wait on ours
        if (accounts.selectByOwner(type, owner) == null) {
            opener.openIfAbsent(type, owner, reference, xid, branchId);
        }
        FundAccount locked = accounts.selectByOwnerForUpdate(type, owner);
        if (locked == null) {
            throw new IllegalStateException("fund account of " + type + " " + owner + " vanished after opening");
        }
        return locked;
    }

    /** The owner's account, row-locked until the transaction ends, or null if the owner has none. */
    @Transactional
    public FundAccount lockIfExists(OwnerType type, String ownerId) {
        return accounts.selectByOwnerForUpdate(type, ownerKey(type, ownerId));
    }

    /** The owner's account, row-locked until the transaction ends; 404 {@code UNKNOWN_FUND_ACCOUNT} if none. */
    @Transactional
    public FundAccount lockExisting(OwnerType type, String ownerId) {
        FundAccount a = lockIfExists(type, ownerId);
        if (a == null) {
            throw unknown(type, ownerId);
        }
        return a;
    }

    /** Row-locks an account by id until the transaction ends (phase 2 serialises on it). */
    @Transactional
    public void lockById(long accountId) {
        if (accounts.selectByIdForUpdate(accountId) == null) {
            throw new IllegalStateException("fund account " + accountId + " named by a ledger row does not exist");
        }
    }

    /**
     * Applies a try or top-up to an account the caller has locked: 409 {@code FUND_ACCOUNT_FROZEN}
     * if it is frozen, 409 {@code INSUFFICIENT_FUNDS} if a balance would go negative (a debit larger
     * than available). Nothing is written when refused.
     */
    @Transactional
    public void moveActive(FundAccount locked, LedgerEntry entry) {
        if (locked.getStatus() == AccountStatus.FROZEN) {
            throw new ApiException(HttpStatus.CONFLICT, "FUND_ACCOUNT_FROZEN", "the fund account of "
                    + locked.getOwnerType() + " " + locked.getOwnerId() + " is frozen");
        }
        if (accounts.applyIfActive(entry) == 0) {
            throw new ApiException(HttpStatus.CONFLICT, "INSUFFICIENT_FUNDS", locked.getOwnerType() + " "
                    + locked.getOwnerId() + " has " + locked.getAvailableCents() + " pence available, "
                    + entry.amountCents() + " requested");
        }
        ledger.insert(entry);
    }

    /**
     * Applies a phase-2 movement (confirm or cancel) whatever the account's status. A refused
     * UPDATE means the reserved pence are not on the account, i.e. the ledger invariant is already
     * broken: failing (the TC retries, an operator looks) beats inventing money.
     */
    @Transactional
    public void settle(LedgerEntry entry) {
        if (accounts.apply(entry) == 0) {
            throw new IllegalStateException("fund account " + entry.getAccountId() + " cannot take "
                    + entry.getEntryType() + " of " + entry.amountCents() + " pence for " + entry.getReference()
                    + ": its balances do not hold the tried amount");
        }
        ledger.insert(entry);
    }

    /** The account's balances; 404 {@code UNKNOWN_FUND_ACCOUNT} if the owner has none. */
    @Transactional(readOnly = true)
    public FundAccountResponse view(OwnerType type, String ownerId) {
        FundAccount a = accounts.selectByOwner(type, ownerKey(type, ownerId));
        if (a == null) {
            throw unknown(type, ownerId);
        }
        return a.toResponse();
    }

    /** Sets ACTIVE or FROZEN (idempotent) and answers the account; 404 {@code UNKNOWN_FUND_ACCOUNT}. */
    @Transactional
    public FundAccountResponse changeStatus(OwnerType type, String ownerId, AccountStatus status) {
        FundAccount a = lockExisting(type, ownerId);
        if (a.getStatus() != status) {
            accounts.changeStatus(a.getId(), status);
            log.info("fund account {} of {} {}: {} -> {}", a.getId(), type, a.getOwnerId(), a.getStatus(), status);
            a.setStatus(status);
        }
        return a.toResponse();
    }

    /**
     * The stored owner id: a user id is kept as its canonical decimal string (so {@code 007} and
     * {@code 7} are the same wallet); a merchant id as given. 400 {@code VALIDATION_FAILED} for a
     * blank id, one longer than the column's 64 characters (MySQL's INSERT IGNORE would truncate it
     * silently), or a user id that is not a positive number.
     */
    static String ownerKey(OwnerType type, String ownerId) {
        if (ownerId == null || ownerId.isBlank() || ownerId.length() > 64) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "ownerId must be 1 to 64 characters, got '" + ownerId + "'");
        }
        if (type != OwnerType.USER) {
            return ownerId;
        }
        try {
            long userId = Long.parseLong(ownerId);
            if (userId > 0) {
                return Long.toString(userId);
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the rejection below
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "ownerId of a USER account must be a positive decimal user id, got '" + ownerId + "'");
    }

    private static ApiException unknown(OwnerType type, String ownerId) {
        return new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_FUND_ACCOUNT", "no fund account for " + type + " " + ownerId);
    }
}

package io.mallpay.fund.topup;

import io.mallpay.common.web.ApiException;
import io.mallpay.fund.account.FundAccount;
import io.mallpay.fund.account.FundAccountService;
import io.mallpay.fund.api.FundAccountClient.FundAccountResponse;
import io.mallpay.fund.api.FundAccountClient.OwnerType;
import io.mallpay.fund.ledger.EntryType;
import io.mallpay.fund.ledger.LedgerEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Funds users' wallets (money arriving from outside the platform, e.g. the demo's opening
 * balances). One local transaction, no Seata: the top-up row, the balance and the TOP_UP ledger row
 * commit together. Amounts are pence.
 */
@Service
public class TopUpService {

    private static final Logger log = LoggerFactory.getLogger(TopUpService.class);

    private final FundAccountService accounts;
    private final TopUpMapper topUps;

    public TopUpService(FundAccountService accounts, TopUpMapper topUps) {
        this.accounts = accounts;
        this.topUps = topUps;
    }

    /**
     * Adds {@code amountCents} (&gt; 0) to the user's available balance, opening the wallet if
     * absent, and answers the wallet. Idempotent on {@code topUpId}: a repeat changes nothing and
     * answers the wallet as it is now. Errors: 422 {@code IDEMPOTENCY_KEY_REUSED} (same id, other
     * user or amount), 409 {@code FUND_ACCOUNT_FROZEN}, 400 {@code VALIDATION_FAILED} (amount ≤ 0, id blank or over 64 characters).
     * A rejection writes nothing (an account opened by it is rolled back too).
     */
    @Transactional
    public FundAccountResponse topUp(long userId, String topUpId, long amountCents) {
        if (amountCents <= 0 || topUpId == null || topUpId.isBlank() || topUpId.length() > 64) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "a top-up needs an id of 1 to 64 characters and amountCents > 0, got '" + topUpId + "', " + amountCents);
        }
        TopUp earlier = topUps.selectById(topUpId);
        if (earlier != null) {
            return replay(earlier, userId, amountCents);
        }
        FundAccount wallet = accounts.openAndLock(OwnerType.USER, Long.toString(userId), topUpId, null, null);
        if (topUps.insertIfAbsent(new TopUp(topUpId, wallet.getId(), amountCents)) == 0) {
            // a concurrent request with the same id committed first
            return replay(topUps.selectById(topUpId), userId, amountCents);
        }
        accounts.moveActive(wallet, LedgerEntry.of(EntryType.TOP_UP, wallet.getId(), topUpId, amountCents, null, null));
        log.info("top-up {}: +{} pence to the wallet of user {} (account {})", topUpId, amountCents, userId, wallet.getId());
        // a locking read sees the latest row even under REPEATABLE READ (the wallet may be newer than our snapshot)
        return accounts.lockExisting(OwnerType.USER, Long.toString(userId)).toResponse();
    }

    private FundAccountResponse replay(TopUp earlier, long userId, long amountCents) {
        FundAccount wallet = accounts.lockIfExists(OwnerType.USER, Long.toString(userId));
        if (wallet == null || earlier.getAccountId() != wallet.getId() || earlier.getAmountCents() != amountCents) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED", "top-up " + earlier.getTopUpId()
                    + " already added " + earlier.getAmountCents() + " pence to account " + earlier.getAccountId()
                    + "; it cannot also add " + amountCents + " pence for user " + userId);
        }
        log.info("top-up {} already applied: no-op", earlier.getTopUpId());
        return wallet.toResponse();
    }
}

package io.mallpay.fund.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Internal contract of {@code pay-fund}. Amounts are {@code long} minor units (pence). One fund
 * account per owner (a merchant id such as {@code M-ONLINE-RETAIL}, or a user id); its balances are
 * {@code available}, {@code incoming} (credits tried, not yet confirmed) and {@code outgoing}
 * (debits tried, not yet confirmed), never negative, and every change writes one ledger row.
 *
 * <p>{@link #credit} and {@link #debit} are the try phase of Seata TCC branches and must be called
 * inside the caller's global transaction (the Seata starter sends the XID in the {@code TX_XID}
 * header); the TC later confirms or cancels each branch. Errors (problem+json codes):
 * {@code NO_GLOBAL_TRANSACTION} (400), {@code VALIDATION_FAILED} (400), {@code UNKNOWN_FUND_ACCOUNT}
 * (404), {@code FUND_ACCOUNT_FROZEN} (409), {@code INSUFFICIENT_FUNDS} (409), {@code TCC_SUSPENDED}
 * (409: the branch was already cancelled by the TC before its try arrived),
 * {@code IDEMPOTENCY_KEY_REUSED} (422).
 */
@FeignClient(name = FundApi.SERVICE, contextId = "fundAccountClient")
public interface FundAccountClient {

    /**
     * TCC try of {@code fund-credit}: opens the merchant's account if it has none and adds
     * {@code amountCents} to its incoming balance; confirm moves it to available, cancel drops it.
     * Needs a global transaction (else 400 {@code NO_GLOBAL_TRANSACTION}); a frozen account answers
     * 409 {@code FUND_ACCOUNT_FROZEN}. Repeating the same payment for the same merchant within one
     * global transaction reserves once.
     */
    @PostMapping("/internal/fund/credits")
    FundTryResponse credit(@RequestBody @Valid FundCreditRequest request);

    /**
     * TCC try of {@code fund-debit} on the user's wallet: moves {@code amountCents} from available
     * to outgoing; confirm spends it, cancel returns it to available. Needs a global transaction
     * (else 400 {@code NO_GLOBAL_TRANSACTION}); 404 {@code UNKNOWN_FUND_ACCOUNT} if the user has no
     * wallet, 409 {@code FUND_ACCOUNT_FROZEN}, 409 {@code INSUFFICIENT_FUNDS} if fewer pence are
     * available. Repeating the same payment within one global transaction reserves once.
     */
    @PostMapping("/internal/fund/debits")
    FundTryResponse debit(@RequestBody @Valid FundDebitRequest request);

    /** An account's balances in pence; 404 {@code UNKNOWN_FUND_ACCOUNT} if the owner has none. */
    @GetMapping("/internal/fund/accounts/{ownerType}/{ownerId}")
    FundAccountResponse account(@PathVariable("ownerType") OwnerType ownerType, @PathVariable("ownerId") String ownerId);

    /**
     * Adds {@code amountCents} to a user's available balance, opening the wallet if absent (local
     * transaction, no Seata). Idempotent on {@code topUpId}: the same top-up again changes nothing
     * and answers the account; the same id with another amount or user is 422
     * {@code IDEMPOTENCY_KEY_REUSED}. A frozen wallet answers 409 {@code FUND_ACCOUNT_FROZEN}.
     */
    @PostMapping("/internal/fund/accounts/USER/{userId}/top-ups")
    FundAccountResponse topUp(@PathVariable("userId") long userId, @RequestBody @Valid TopUpRequest request);

    /**
     * Sets an account ACTIVE or FROZEN (operator action; idempotent). A frozen account refuses new
     * tries and top-ups; branches already tried still confirm or cancel. 404 {@code UNKNOWN_FUND_ACCOUNT}.
     */
    @PutMapping("/internal/fund/accounts/{ownerType}/{ownerId}/status")
    FundAccountResponse changeStatus(@PathVariable("ownerType") OwnerType ownerType, @PathVariable("ownerId") String ownerId,
                                     @RequestBody @Valid AccountStatusRequest request);

    /** Who owns an account: a merchant (id such as {@code M-ONLINE-RETAIL}) or a user (decimal id). */
    enum OwnerType { MERCHANT, USER }

    /** A FROZEN account accepts no new tries or top-ups. */
    enum AccountStatus { ACTIVE, FROZEN }

    /** @param amountCents pence to credit to the merchant, &gt; 0 */
    record FundCreditRequest(@NotBlank @Size(max = 64) String paymentId,
                             @NotBlank @Size(max = 64) String merchantId,
                             @Positive long amountCents) {
    }

    /** @param amountCents pence to take from the user's wallet, &gt; 0 */
    record FundDebitRequest(@NotBlank @Size(max = 64) String paymentId,
                            @Positive long userId,
                            @Positive long amountCents) {
    }

    /** Answer of a successful try: {@code status} is always {@code "TRIED"}. */
    record FundTryResponse(String status) {

        public static final String TRIED = "TRIED";

        public static FundTryResponse tried() {
            return new FundTryResponse(TRIED);
        }
    }

    /** @param amountCents pence to add to available, &gt; 0 */
    record TopUpRequest(@NotBlank @Size(max = 64) String topUpId, @Positive long amountCents) {
    }

    record AccountStatusRequest(@NotNull AccountStatus status) {
    }

    /** An account's balances, all in pence and never negative. */
    record FundAccountResponse(OwnerType ownerType, String ownerId, AccountStatus status,
                               long availableCents, long incomingCents, long outgoingCents) {
    }
}

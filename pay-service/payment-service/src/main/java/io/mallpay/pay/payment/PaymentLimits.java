package io.mallpay.pay.payment;

import io.mallpay.common.feign.RemoteApiException;
import io.mallpay.common.web.ApiException;
import io.mallpay.fund.api.FundAccountClient;
import io.mallpay.fund.api.FundAccountClient.AccountStatus;
import io.mallpay.fund.api.FundAccountClient.FundAccountResponse;
import io.mallpay.fund.api.FundAccountClient.OwnerType;
import io.mallpay.pay.settings.PaymentSettings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The account-state and limit rules checked before a payment is created (DESIGN.md flow 2):
 * a single payment is at most {@code pay.payment.max-amount-cents}; a user's live payments of the
 * UTC day at most {@code pay.payment.daily-limit-cents}; a WALLET payment needs an ACTIVE wallet
 * holding the amount. Each failure is an {@link ApiException} with its stable code; nothing is
 * written. The wallet is checked again, atomically, by the TCC debit's try.
 */
@Component
public class PaymentLimits {

    private final PaymentSettings settings;
    private final PaymentMapper payments;
    private final FundAccountClient funds;
    private final Clock clock;

    public PaymentLimits(PaymentSettings settings, PaymentMapper payments, FundAccountClient funds, Clock clock) {
        this.settings = settings;
        this.payments = payments;
        this.funds = funds;
        this.clock = clock;
    }

    /** @throws ApiException NOTHING_TO_PAY 422, AMOUNT_OVER_LIMIT 422, DAILY_LIMIT_EXCEEDED 422 */
    public void checkAmount(long userId, long amountCents) {
        if (amountCents <= 0) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "NOTHING_TO_PAY",
                    "the order has nothing left to pay (" + amountCents + "p)");
        }
        if (amountCents > settings.getMaxAmountCents()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "AMOUNT_OVER_LIMIT", amountCents
                    + "p is over the single-payment limit of " + settings.getMaxAmountCents() + "p");
        }
        LocalDateTime dayStart = LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay();
        long today = payments.sumLiveSince(userId, dayStart);
        if (today + amountCents > settings.getDailyLimitCents()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "DAILY_LIMIT_EXCEEDED", "user " + userId
                    + " has " + today + "p of payments today; " + amountCents + "p more exceeds the daily limit of "
                    + settings.getDailyLimitCents() + "p");
        }
    }

    /** @throws ApiException NO_WALLET 422, ACCOUNT_FROZEN 409, INSUFFICIENT_FUNDS 409 */
    public void checkWallet(long userId, long amountCents) {
        FundAccountResponse wallet;
        try {
            wallet = funds.account(OwnerType.USER, Long.toString(userId));
        } catch (RemoteApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "NO_WALLET", "user " + userId + " has no wallet");
            }
            throw e;
        }
        if (wallet.status() != AccountStatus.ACTIVE) {
            throw new ApiException(HttpStatus.CONFLICT, "ACCOUNT_FROZEN", "user " + userId + "'s wallet is frozen");
        }
        if (wallet.availableCents() < amountCents) {
            throw new ApiException(HttpStatus.CONFLICT, "INSUFFICIENT_FUNDS", "user " + userId + "'s wallet holds "
                    + wallet.availableCents() + "p, " + amountCents + "p needed");
        }
    }
}

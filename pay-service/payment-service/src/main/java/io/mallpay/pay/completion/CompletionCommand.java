package io.mallpay.pay.completion;

import io.mallpay.pay.api.PaymentPaidEvent;
import io.mallpay.pay.payment.Payment;
import io.mallpay.pay.settings.PaymentSettings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Everything one completion of a payment writes, fixed before its global transaction begins so
 * that the payment row, the TCC branches and the accounting message all carry the same figures.
 * Commission = amount × {@code pay.payment.commission-rate}, half-up to whole pence; the merchant
 * is credited the rest. Reward points = whole pounds × {@code pay.payment.reward-points-per-pound}.
 */
public record CompletionCommand(String paymentId, long orderId, long userId, String merchantId, String method,
                                long amountCents, long commissionCents, long merchantNetCents, long rewardPoints,
                                BigDecimal commissionRate, Instant paidAt) {

    public static CompletionCommand of(Payment p, PaymentSettings settings, Instant now) {
        BigDecimal rate = settings.getCommissionRate().setScale(4, RoundingMode.HALF_UP);
        long amount = p.getAmountCents();
        long commission = BigDecimal.valueOf(amount).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long points = (amount / 100) * settings.getRewardPointsPerPound();
        return new CompletionCommand(p.getPaymentId(), p.getOrderId(), p.getUserId(), p.getMerchantId(), p.getMethod(),
                amount, commission, amount - commission, points, rate, now.truncatedTo(ChronoUnit.MILLIS));
    }

    public boolean wallet() {
        return Payment.WALLET.equals(method);
    }

    /** The accounting message's body. */
    public PaymentPaidEvent event() {
        return new PaymentPaidEvent(paymentId, orderId, userId, merchantId, method, amountCents, commissionCents,
                merchantNetCents, commissionRate.toPlainString(), paidAt);
    }
}

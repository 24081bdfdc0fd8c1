package io.mallpay.pay.payment;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A payment as storefront clients and merchants see it. {@code status}: PENDING (waiting for the
 * bank), PAID, FAILED ({@code failureCode} says why: BANK_DECLINED, INSUFFICIENT_FUNDS, …) or
 * CLOSED (the bank never took the charge). Amounts in pence; times UTC.
 */
public record PaymentResponse(String paymentId, long orderId, long userId, String merchantId, String method,
                              String status, long amountCents, Long commissionCents, Long rewardPoints,
                              String failureCode, Instant createdAt, Instant paidAt) {

    public static PaymentResponse of(Payment p) {
        return new PaymentResponse(p.getPaymentId(), p.getOrderId(), p.getUserId(), p.getMerchantId(), p.getMethod(),
                p.getStatus(), p.getAmountCents(), p.getCommissionCents(), p.getRewardPoints(), p.getFailureCode(),
                utc(p.getCreatedAt()), utc(p.getPaidAt()));
    }

    private static Instant utc(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}

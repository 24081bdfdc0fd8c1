package io.mallpay.pay.api;

import java.time.Instant;

/**
 * The reliable accounting message (DESIGN.md flow 4): published by {@code pay-payment} as a
 * RocketMQ transactional (half) message on {@link #TOPIC}, committed only once the payment's
 * completion global transaction has committed (check-back answers from the payment table), and
 * consumed by {@code pay-accounting}, which books one balanced voucher per {@code paymentId}.
 *
 * <p>Body: this record as JSON (Jackson, {@code paidAt} ISO-8601). Message key: {@code paymentId}
 * (consumers are idempotent on it: the message may arrive more than once). Tag: {@link #TAG}.
 *
 * @param paymentId       the payment platform's id, e.g. {@code P2026112100000001}
 * @param orderId         the mall order paid
 * @param userId          the paying user
 * @param merchantId      the merchant whose fund account was credited
 * @param method          {@code CARD} (money arrives through bank clearing) or {@code WALLET}
 *                        (money leaves the user's wallet balance)
 * @param amountCents     amount paid, minor units (pence), &gt; 0
 * @param commissionCents platform commission, minor units, ≥ 0
 * @param merchantNetCents credited to the merchant: {@code amountCents - commissionCents}
 * @param commissionRate  the rate applied, a decimal string with 4 places (e.g. {@code "0.0200"};
 *                        Nacos {@code pay.payment.commission-rate} at completion time)
 * @param paidAt          when the completion global transaction marked the payment paid (UTC)
 */
public record PaymentPaidEvent(String paymentId, long orderId, long userId, String merchantId, String method,
                               long amountCents, long commissionCents, long merchantNetCents,
                               String commissionRate, Instant paidAt) {

    /** RocketMQ topic of accounting messages (created by the stack's broker launcher). */
    public static final String TOPIC = "PAYMENT_ACCOUNTING";

    /** Tag of a payment-paid message. */
    public static final String TAG = "PAID";
}

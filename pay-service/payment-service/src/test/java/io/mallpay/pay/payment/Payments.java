package io.mallpay.pay.payment;

import java.time.LocalDateTime;

/** Object Mother for payments. */
public final class Payments {

    private Payments() {
    }

    public static Payment pending(String id, String method, long amountCents) {
        Payment p = new Payment();
        p.setPaymentId(id);
        p.setIdempotencyKey("key-" + id);
        p.setOrderId(41L);
        p.setLiveOrderId(41L);
        p.setUserId(12_346L);
        p.setMerchantId("M-ONLINE-RETAIL");
        p.setMethod(method);
        p.setCardNumber(Payment.CARD.equals(method) ? "4000-0001" : null);
        p.setAmountCents(amountCents);
        p.setStatus(Payment.PENDING);
        p.setBankSubmitted(false);
        p.setCreatedAt(LocalDateTime.of(2026, 11, 21, 10, 0));
        return p;
    }

    public static Payment card(String id, long amountCents) {
        return pending(id, Payment.CARD, amountCents);
    }
}

package io.mallpay.accounting;

import io.mallpay.pay.api.PaymentPaidEvent;
import org.apache.rocketmq.common.message.MessageExt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Object Mother: payment events, their JSON bodies and hand-built RocketMQ messages. */
public final class AccountingMother {

    public static final String PAYMENT = "P2026112100000001";
    public static final String MERCHANT = "3442f8959a84dea7ee197c632cb2df15";
    public static final long ORDER = 1001L;
    public static final long USER = 7L;
    public static final Instant PAID_AT = Instant.parse("2026-11-21T10:15:30.123Z");
    public static final String MESSAGE_ID = "7F0000011A2B18B4AAC27B0A5F3C0001";

    private AccountingMother() {
    }

    /** 100.00 paid by card, 2.00 commission, 98.00 to the merchant. */
    public static PaymentPaidEvent card() {
        return event("CARD", 10_000, 200, 9_800);
    }

    /** 55.00 paid from the wallet, 1.10 commission. */
    public static PaymentPaidEvent wallet() {
        return event("WALLET", 5_500, 110, 5_390);
    }

    public static PaymentPaidEvent event(String method, long amount, long commission, long net) {
        return new PaymentPaidEvent(PAYMENT, ORDER, USER, MERCHANT, method, amount, commission, net, "0.0200", PAID_AT);
    }

    /** The event as the payment service publishes it (paidAt ISO-8601). */
    public static String json(PaymentPaidEvent e) {
        return "{\"paymentId\":" + quoted(e.paymentId()) + ",\"orderId\":" + e.orderId() + ",\"userId\":" + e.userId()
                + ",\"merchantId\":" + quoted(e.merchantId()) + ",\"method\":" + quoted(e.method())
                + ",\"amountCents\":" + e.amountCents() + ",\"commissionCents\":" + e.commissionCents()
                + ",\"merchantNetCents\":" + e.merchantNetCents() + ",\"commissionRate\":" + quoted(e.commissionRate())
                + ",\"paidAt\":" + (e.paidAt() == null ? "null" : quoted(e.paidAt().toString())) + "}";
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    /** A message as the consumer receives it: first delivery, tag PAID, key = payment id. */
    public static MessageExt message(String body) {
        MessageExt m = new MessageExt();
        m.setTopic(PaymentPaidEvent.TOPIC);
        m.setTags(PaymentPaidEvent.TAG);
        m.setKeys(PAYMENT);
        m.setMsgId(MESSAGE_ID);
        m.setBody(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        m.setReconsumeTimes(0);
        m.setBornTimestamp(PAID_AT.toEpochMilli());
        return m;
    }
}

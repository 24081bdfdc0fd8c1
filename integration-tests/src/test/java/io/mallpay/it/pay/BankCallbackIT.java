package io.mallpay.it.pay;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Db;
import io.mallpay.it.support.Pay;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.mallpay.it.support.Mall.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The callback receiver against the real bank sandbox and the real platform: forged, tampered,
 * replayed and unknown callbacks are refused, recorded and change nothing; duplicates are
 * harmless; a callback that never comes is replaced by the platform's status query.
 */
class BankCallbackIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    private static String now() {
        return Long.toString(System.currentTimeMillis());
    }

    @Test
    void forgedTamperedReplayedAndUnknownCallbacksAreRejectedRecordedAndChangeNothing() {
        Pay.Order o = Pay.order(1_500, 1);
        String card = Pay.card(10_000);
        Pay.bankMode(card, "NEVER", 0);
        String paymentId = Pay.payByCard(o, card);
        String genuine = Pay.callbackBody(paymentId, "SUCCEEDED", 1_500, Pay.MERCHANT);

        var forged = Pay.callback(genuine, "a-forger's-key", now(), UUID.randomUUID().toString());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(code(forged)).isEqualTo("BAD_SIGNATURE");

        String ts = now();
        String nonce = UUID.randomUUID().toString();
        String signedFor1500 = io.mallpay.pay.api.notify.NotificationSignature.sign(Pay.bankSecret(), ts, nonce, genuine);
        String tamperedBody = genuine.replace("\"amountCents\":1500", "\"amountCents\":1");
        var tampered = io.mallpay.it.support.Stack.postJson(Pay.payment() + "/callbacks/bank", tamperedBody,
                java.util.Map.of("X-Bank-Timestamp", ts, "X-Bank-Nonce", nonce, "X-Bank-Signature", signedFor1500));
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(code(tampered)).isEqualTo("BAD_SIGNATURE");

        var wrongAmount = Pay.callback(Pay.callbackBody(paymentId, "SUCCEEDED", 1, Pay.MERCHANT), Pay.bankSecret(), now(),
                UUID.randomUUID().toString());
        assertThat(wrongAmount.statusCode()).isEqualTo(422);
        assertThat(code(wrongAmount)).isEqualTo("AMOUNT_MISMATCH");

        var stale = Pay.callback(genuine, Pay.bankSecret(), Long.toString(System.currentTimeMillis() - 600_000),
                UUID.randomUUID().toString());
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(code(stale)).isEqualTo("STALE_TIMESTAMP");

        String nobody = "P-UNKNOWN-" + UUID.randomUUID().toString().substring(0, 8);
        var unknown = Pay.callback(Pay.callbackBody(nobody, "SUCCEEDED", 1_500, Pay.MERCHANT),
                Pay.bankSecret(), now(), UUID.randomUUID().toString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("UNKNOWN_PAYMENT");

        // nothing changed: the payment waits, no money moved, nothing booked
        assertThat(Pay.payment(paymentId).get("status").asText()).isEqualTo("PENDING");
        assertThat(Pay.merchantLedger(paymentId, "delta_available")).isZero();
        assertThat(Pay.vouchersOf(paymentId)).isZero();
        assertThat(Pay.callbacks(paymentId, "REJECTED", "BAD_SIGNATURE")).isEqualTo(2);
        assertThat(Pay.callbacks(paymentId, "REJECTED", "AMOUNT_MISMATCH")).isEqualTo(1);
        assertThat(Pay.callbacks(paymentId, "REJECTED", "STALE_TIMESTAMP")).isEqualTo(1);
        assertThat(Pay.callbacks(nobody, "REJECTED", "UNKNOWN_PAYMENT")).isEqualTo(1);

        // the genuine result (signed with the bank's key) is accepted; the same request replayed is not
        String replayTs = now();
        String replayNonce = UUID.randomUUID().toString();
        var accepted = Pay.callback(genuine, Pay.bankSecret(), replayTs, replayNonce);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(Pay.payment(paymentId).get("status").asText()).isEqualTo("PAID");
        var replayed = Pay.callback(genuine, Pay.bankSecret(), replayTs, replayNonce);
        assertThat(replayed.statusCode()).isEqualTo(409);
        assertThat(code(replayed)).isEqualTo("REPLAYED_NONCE");
        assertThat(Pay.callbacks(paymentId, "REJECTED", "REPLAYED_NONCE")).isEqualTo(1);

        Pay.awaitVoucher(paymentId, WITHIN);
        Pay.awaitOrderPaid(o.orderId(), WITHIN);
        assertThat(Pay.vouchersOf(paymentId)).isEqualTo(1);
        assertThat(Pay.merchantLedger(paymentId, "delta_available")).isEqualTo(1_470);
    }

    @Test
    void aCallbackSentTwiceCompletesThePaymentOnce() {
        Pay.Order o = Pay.order(1_000, 3);
        String card = Pay.card(10_000);
        Pay.bankMode(card, "TWICE", 0);
        String paymentId = Pay.payByCard(o, card);
        Pay.awaitPayment(paymentId, "PAID", WITHIN);
        // both sends are recorded; whichever came second (or lost the race) changed nothing
        await().atMost(WITHIN).untilAsserted(() -> assertThat(Pay.callbacks(paymentId, "ACCEPTED", null)
                + Pay.callbacks(paymentId, "DUPLICATE", null)).isEqualTo(2));
        assertThat(Pay.callbacks(paymentId, "ACCEPTED", null)).isGreaterThanOrEqualTo(1);
        Pay.awaitVoucher(paymentId, WITHIN);
        Pay.awaitOrderPaid(o.orderId(), WITHIN);
        assertThat(Pay.vouchersOf(paymentId)).isEqualTo(1);
        assertThat(Pay.merchantLedger(paymentId, "delta_available")).isEqualTo(2_940);
        assertThat(Db.queryLong("pay_fund", "SELECT COUNT(*) FROM fund_ledger WHERE reference = ? AND entry_type = 'CREDIT_CONFIRM'",
                paymentId)).isEqualTo(1);
        assertThat(Db.queryLong("mall_order", "SELECT COUNT(*) FROM payment_notification WHERE payment_id = ?", paymentId))
                .isEqualTo(1);
    }

    @Test
    void whenNoCallbackComesThePlatformQueriesTheBank() {
        Pay.Order o = Pay.order(700, 1);
        String card = Pay.card(10_000);
        Pay.bankMode(card, "NEVER", 0);
        String paymentId = Pay.payByCard(o, card);
        // pay.payment.query-after is 30 s, the job runs every 5 s
        JsonNode paid = Pay.awaitPayment(paymentId, "PAID", Duration.ofSeconds(90));
        assertThat(paid.get("amountCents").asLong()).isEqualTo(700);
        assertThat(Pay.callbacks(paymentId, "ACCEPTED", null)).isZero();
        Pay.awaitVoucher(paymentId, WITHIN);
        Pay.awaitOrderPaid(o.orderId(), WITHIN);
    }
}

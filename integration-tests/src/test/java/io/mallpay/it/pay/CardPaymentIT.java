package io.mallpay.it.pay;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Db;
import io.mallpay.it.support.Mall;
import io.mallpay.it.support.Pay;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.mallpay.it.support.Mall.check;
import static io.mallpay.it.support.Mall.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole payment on the real stack (DESIGN.md flows 2–6): checkout → pay by card → the bank's
 * signed callback → one global transaction (payment PAID, merchant credited by TCC, reward points
 * by TCC) → one balanced voucher → the signed merchant notification makes the order PAID.
 */
class CardPaymentIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    void aCardPaymentPaysTheOrderCreditsTheMerchantGrantsPointsAndBooksOneBalancedVoucher() {
        Pay.Order o = Pay.order(1_250, 2);
        assertThat(o.payable()).isEqualTo(2_500);
        String card = Pay.card(10_000);

        var created = check(Pay.pay("it-" + UUID.randomUUID(), o.orderId(), "CARD", card), 201);
        JsonNode p = Stack.readJson(created.body());
        String paymentId = p.get("paymentId").asText();
        assertThat(p.get("status").asText()).isIn("PENDING", "PAID");
        assertThat(p.get("amountCents").asLong()).isEqualTo(2_500);

        JsonNode paid = Pay.awaitPayment(paymentId, "PAID", WITHIN);
        // 2 % of £25.00 = 50p commission; 25 reward points (one per whole pound)
        assertThat(paid.get("commissionCents").asLong()).isEqualTo(50);
        assertThat(paid.get("rewardPoints").asLong()).isEqualTo(25);
        assertThat(Pay.cardBalance(card)).isEqualTo(7_500);

        // merchant credited amount − commission, once; nothing left tried-but-unconfirmed
        // (the TC confirms the TCC branches after the AT branch has released the payment row: wait for phase 2)
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(Pay.merchantLedger(paymentId, "delta_available")).isEqualTo(2_450);
            assertThat(Pay.merchantLedger(paymentId, "delta_incoming")).isZero();
        });

        // the order is PAID in the mall: stock sold, 25 consumption points + 25 reward points
        Pay.awaitOrderPaid(o.orderId(), WITHIN);
        await().atMost(WITHIN).untilAsserted(() ->
                assertThat(Mall.points(o.user()).get("available").asLong()).isEqualTo(100 + 25 + 25));
        assertThat(Db.queryLong("mall_points", "SELECT COUNT(*) FROM points_ledger WHERE user_id = ? AND reason = 'PAYMENT_REWARD'",
                o.user())).isEqualTo(1);
        assertThat(Db.queryLong("mall_inventory", "SELECT sold FROM sku WHERE sku = ?", o.sku())).isEqualTo(2);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(Db.queryString("pay_payment",
                "SELECT notify_status FROM merchant_notification WHERE payment_id = ?", paymentId)).isEqualTo("SUCCESS"));

        // one balanced voucher: Dr bank clearing 2,500 = Cr merchant payable 2,450 + Cr commission 50
        JsonNode v = Pay.awaitVoucher(paymentId, WITHIN);
        assertThat(Pay.vouchersOf(paymentId)).isEqualTo(1);
        long debit = 0;
        long credit = 0;
        for (JsonNode line : v.get("lines")) {
            long amount = line.get("amountCents").asLong();
            if ("DEBIT".equals(line.get("direction").asText())) {
                debit += amount;
                assertThat(line.get("accountCode").asText()).isEqualTo("1002");
            } else {
                credit += amount;
                assertThat(line.get("accountCode").asText()).isIn("2202", "6001");
            }
        }
        assertThat(debit).isEqualTo(2_500).isEqualTo(credit);
        assertThat(Pay.trialBalance().get("balanced").asBoolean()).isTrue();

        // the merchant query API and the reconciliation list agree
        JsonNode list = Stack.readJson(check(Stack.get(Mall.storefront() + "/api/merchants/" + Pay.MERCHANT
                + "/payments?status=PAID&limit=1000&from=" + Stack.enc(paid.get("createdAt").asText())), 200).body());
        boolean listed = false;
        for (JsonNode e : list) {
            listed |= paymentId.equals(e.get("paymentId").asText());
        }
        assertThat(listed).isTrue();
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSamePaymentAndAnOrderHasOneLivePayment() {
        Pay.Order o = Pay.order(800, 1);
        String card = Pay.card(10_000);
        Pay.bankMode(card, "NEVER", 0);
        String key = "it-" + UUID.randomUUID();
        var first = check(Pay.pay(key, o.orderId(), "CARD", card), 201);
        var again = check(Pay.pay(key, o.orderId(), "CARD", card), 201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(Stack.readJson(again.body()).get("paymentId").asText())
                .isEqualTo(Stack.readJson(first.body()).get("paymentId").asText());

        var reused = Pay.pay(key, o.orderId(), "WALLET", null);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(code(reused)).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        var second = Pay.pay("it-" + UUID.randomUUID(), o.orderId(), "CARD", card);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(code(second)).isEqualTo("PAYMENT_IN_PROGRESS");
        assertThat(Db.queryLong("pay_payment", "SELECT COUNT(*) FROM payment WHERE order_id = ?", o.orderId())).isEqualTo(1);
    }

    @Test
    void aDeclinedCardFailsThePaymentAndFreesTheOrderForAnotherPayment() {
        Pay.Order o = Pay.order(3_000, 1);
        String poor = Pay.card(100);
        String declinedId = Pay.payByCard(o, poor);
        JsonNode failed = Pay.awaitPayment(declinedId, "FAILED", WITHIN);
        assertThat(failed.get("failureCode").asText()).isEqualTo("BANK_DECLINED");
        assertThat(Mall.order(o.orderId()).get("status").asText()).isEqualTo("CREATED");
        assertThat(Pay.vouchersOf(declinedId)).isZero();
        assertThat(Pay.merchantLedger(declinedId, "delta_available")).isZero();

        String retryId = Pay.payByCard(o, Pay.card(10_000));
        Pay.awaitPayment(retryId, "PAID", WITHIN);
        Pay.awaitOrderPaid(o.orderId(), WITHIN);
    }

    @Test
    void badRequestsAreRefusedWithStableCodesAndCreateNothing() {
        Pay.Order o = Pay.order(500, 1);
        var noKey = Stack.postJson(Mall.storefront() + "/api/payments",
                "{\"orderId\":" + o.orderId() + ",\"method\":\"CARD\"}", java.util.Map.of());
        assertThat(noKey.statusCode()).isEqualTo(400);
        var badMethod = Pay.pay("it-" + UUID.randomUUID(), o.orderId(), "CASH", null);
        assertThat(badMethod.statusCode()).isEqualTo(400);
        assertThat(code(badMethod)).isEqualTo("VALIDATION_FAILED");
        var unknownOrder = Pay.pay("it-" + UUID.randomUUID(), 999_999_999L, "CARD", Pay.card(1_000));
        assertThat(unknownOrder.statusCode()).isEqualTo(404);
        assertThat(code(unknownOrder)).isEqualTo("UNKNOWN_ORDER");
        var noCard = Pay.pay("it-" + UUID.randomUUID(), o.orderId(), "CARD", null);
        assertThat(noCard.statusCode()).isEqualTo(422);
        assertThat(code(noCard)).isEqualTo("NO_CARD");
        var unknownPayment = Stack.get(Mall.storefront() + "/api/payments/P0000000000000000000");
        assertThat(unknownPayment.statusCode()).isEqualTo(404);
        assertThat(code(unknownPayment)).isEqualTo("UNKNOWN_PAYMENT");
        assertThat(Db.queryLong("pay_payment", "SELECT COUNT(*) FROM payment WHERE order_id = ?", o.orderId())).isZero();
    }
}

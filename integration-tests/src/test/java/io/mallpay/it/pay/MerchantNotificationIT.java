package io.mallpay.it.pay;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Db;
import io.mallpay.it.support.MallCli;
import io.mallpay.it.support.NacosConfig;
import io.mallpay.it.support.Pay;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mallpay.it.support.Mall.check;
import static io.mallpay.it.support.Mall.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Best-effort merchant notification (DESIGN.md flow 5, seed 004) with the receiver, mall-order,
 * down: attempts follow the configured widening schedule (compressed here through Nacos, live),
 * the notification ends FAILED when the schedule runs out, an operator resends it once the mall
 * is back, and the order becomes PAID exactly once.
 */
class MerchantNotificationIT {

    private static final String SCHEDULE = "notify-schedule: 15s,30s,3m,10m,30m,1h,2h,6h,15h";

    @AfterEach
    void mallOrderRunning() {
        MallCli.Result r = MallCli.run(Map.of(), 240, "start", "mall-order");
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    private static String status(String paymentId) {
        return Db.queryString("pay_payment", "SELECT notify_status FROM merchant_notification WHERE payment_id = ?", paymentId);
    }

    private static String order(long orderId) {
        return Db.queryString("mall_order", "SELECT status FROM orders WHERE order_id = ?", orderId);
    }

    @Test
    void retriesFollowTheScheduleAndTheOrderIsPaidExactlyOnceWhenTheMallIsBack() {
        Pay.Order a = Pay.order(2_222, 1);
        Pay.Order b = Pay.order(1_111, 1);
        String cardA = Pay.card(10_000);
        String cardB = Pay.card(10_000);
        Pay.bankMode(cardA, "NEVER", 0);
        Pay.bankMode(cardB, "NEVER", 0);
        String paymentA = Pay.payByCard(a, cardA);
        String paymentB = Pay.payByCard(b, cardB);

        List<Long> attemptAt = new ArrayList<>();
        try (var change = NacosConfig.edit("pay-payment.yaml", c -> c.replace(SCHEDULE, "notify-schedule: 2s,4s,6s"))) {
            // let the Nacos push reach pay-payment before the first failure is scheduled
            sleep(3_000);
            MallCli.Result stop = MallCli.run(Map.of(), 120, "stop", "mall-order");
            assertThat(stop.exitCode()).as(stop.output()).isZero();

            // A: attempt 1 at once, then 2 s, 4 s and 6 s after each failure; the 4th failure ends it
            bankSays(paymentA, 2_222);
            long seen = 0;
            long deadline = System.currentTimeMillis() + 60_000;
            boolean failed = false;
            while (!failed && System.currentTimeMillis() < deadline) {
                failed = "FAILED".equals(status(paymentA));
                long c = count(paymentA);
                for (long i = seen; i < c; i++) {
                    attemptAt.add(System.currentTimeMillis());
                }
                seen = Math.max(seen, c);
                sleep(100);
            }
            assertThat(status(paymentA)).isEqualTo("FAILED");
            assertThat(count(paymentA)).isEqualTo(4);

            // B: a schedule long enough to outlast the outage: it is delivered on its own once the mall is back
            NacosConfig.publish("pay-payment.yaml", change.original().replace(SCHEDULE,
                    "notify-schedule: " + String.join(",", java.util.Collections.nCopies(30, "3s"))));
            sleep(3_000);
            bankSays(paymentB, 1_111);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(paymentB) >= 2);
            assertThat(status(paymentB)).isEqualTo("PENDING");
            assertThat(order(b.orderId())).isEqualTo("CREATED");

            MallCli.Result start = MallCli.run(Map.of(), 240, "start", "mall-order");
            assertThat(start.exitCode()).as(start.output()).isZero();
            await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCESS".equals(status(paymentB)));
            Pay.awaitOrderPaid(b.orderId(), Duration.ofSeconds(30));
            assertThat(Db.queryLong("mall_order", "SELECT COUNT(*) FROM payment_notification WHERE payment_id = ?",
                    paymentB)).isEqualTo(1);
            System.out.printf("notification of %s delivered on attempt %d, once mall-order was back%n", paymentB,
                    count(paymentB));
        }
        long[] schedule = {2_000, 4_000, 6_000};
        assertThat(attemptAt).hasSize(4);
        for (int i = 0; i + 1 < attemptAt.size(); i++) {
            long gap = attemptAt.get(i + 1) - attemptAt.get(i);
            System.out.printf("notification attempt %d -> %d: %d ms (schedule %d ms)%n", i + 1, i + 2, gap, schedule[i]);
            assertThat(gap).as("wait before attempt %d", i + 2).isBetween(schedule[i] - 600, schedule[i] + 2_500);
        }

        // A ran out of attempts while the mall was down: an operator resends it
        assertThat(order(a.orderId())).isEqualTo("CREATED");
        long id = Db.queryLong("pay_payment", "SELECT id FROM merchant_notification WHERE payment_id = ?", paymentA);
        String resend = Pay.payment() + "/ops/notifications/" + id + "/resend";
        JsonNode pending = Stack.readJson(check(Stack.postJson(resend, "", Map.of()), 200).body());
        assertThat(pending.get("notifyStatus").asText()).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCESS".equals(status(paymentA)));
        Pay.awaitOrderPaid(a.orderId(), Duration.ofSeconds(30));
        assertThat(Db.queryLong("mall_order", "SELECT COUNT(*) FROM payment_notification WHERE payment_id = ?", paymentA))
                .isEqualTo(1);
        assertThat(Db.queryLong("mall_inventory", "SELECT sold FROM sku WHERE sku = ?", a.sku())).isEqualTo(1);

        var again = Stack.postJson(resend, "", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("NOT_RESENDABLE");
    }

    private static void bankSays(String paymentId, long amount) {
        var accepted = Pay.callback(Pay.callbackBody(paymentId, "SUCCEEDED", amount, Pay.MERCHANT), Pay.bankSecret(),
                Long.toString(System.currentTimeMillis()), UUID.randomUUID().toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    }

    private static long count(String paymentId) {
        return Db.queryLong("pay_payment", "SELECT notify_count FROM merchant_notification WHERE payment_id = ?", paymentId);
    }

    @Test
    void forgedOrUnsignedPaymentResultsAreRefusedByTheMallAndChangeNothing() {
        Pay.Order o = Pay.order(900, 1);
        String body = "{\"paymentId\":\"P-FORGED\",\"amountCents\":" + o.payable() + "}";
        String url = io.mallpay.it.support.Mall.service("MALL_ORDER_PORT") + "/internal/orders/" + o.orderId()
                + "/payment-result";
        var unsigned = Stack.postJson(url, body, Map.of());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(code(unsigned)).isEqualTo("BAD_SIGNATURE");
        String ts = Long.toString(System.currentTimeMillis());
        var forged = Stack.postJson(url, body, Map.of("X-Pay-Timestamp", ts, "X-Pay-Nonce", "n",
                "X-Pay-Signature", io.mallpay.pay.api.notify.NotificationSignature.sign("not-the-key", ts, "n", body)));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(order(o.orderId())).isEqualTo("CREATED");
        assertThat(Db.queryLong("mall_order", "SELECT COUNT(*) FROM payment_notification WHERE order_id = ?", o.orderId()))
                .isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

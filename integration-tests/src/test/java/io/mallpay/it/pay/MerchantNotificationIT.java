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
    void retriesFollowTheScheduleThenFailAndAnOperatorResendPaysTheOrderExactlyOnce() {
        Pay.Order o = Pay.order(2_222, 1);
        String card = Pay.card(10_000);
        Pay.bankMode(card, "NEVER", 0);
        String paymentId = Pay.payByCard(o, card);

        List<Long> attemptAt = new ArrayList<>();
        try (var change = NacosConfig.edit("pay-payment.yaml", c -> c.replace(SCHEDULE, "notify-schedule: 2s,4s,6s"))) {
            // let the Nacos push reach pay-payment before the first failure is scheduled
            sleep(3_000);
            MallCli.Result stop = MallCli.run(Map.of(), 120, "stop", "mall-order");
            assertThat(stop.exitCode()).as(stop.output()).isZero();

            var accepted = Pay.callback(Pay.callbackBody(paymentId, "SUCCEEDED", 2_222, Pay.MERCHANT), Pay.bankSecret(),
                    Long.toString(System.currentTimeMillis()), UUID.randomUUID().toString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

            // attempt 1 at once, then 2 s, 4 s and 6 s after each failure; the 4th failure ends it
            long seen = 0;
            long deadline = System.currentTimeMillis() + 60_000;
            boolean failed = false;
            while (!failed && System.currentTimeMillis() < deadline) {
                failed = "FAILED".equals(status(paymentId));
                long c = Db.queryLong("pay_payment", "SELECT notify_count FROM merchant_notification WHERE payment_id = ?",
                        paymentId);
                for (long i = seen; i < c; i++) {
                    attemptAt.add(System.currentTimeMillis());
                }
                seen = Math.max(seen, c);
                sleep(100);
            }
        }
        assertThat(status(paymentId)).isEqualTo("FAILED");
        assertThat(Db.queryLong("pay_payment", "SELECT notify_count FROM merchant_notification WHERE payment_id = ?",
                paymentId)).isEqualTo(4);
        assertThat(attemptAt).hasSize(4);
        long[] schedule = {2_000, 4_000, 6_000};
        for (int i = 0; i + 1 < attemptAt.size(); i++) {
            long gap = attemptAt.get(i + 1) - attemptAt.get(i);
            System.out.printf("notification attempt %d -> %d: %d ms (schedule %d ms)%n", i + 1, i + 2, gap, schedule[i]);
            assertThat(gap).as("wait before attempt %d", i + 2).isBetween(schedule[i] - 600, schedule[i] + 2_500);
        }
        assertThat(order(o.orderId())).isEqualTo("CREATED");

        MallCli.Result start = MallCli.run(Map.of(), 240, "start", "mall-order");
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(order(o.orderId())).isEqualTo("CREATED");

        long id = Db.queryLong("pay_payment", "SELECT id FROM merchant_notification WHERE payment_id = ?", paymentId);
        String resend = Pay.payment() + "/ops/notifications/" + id + "/resend";
        JsonNode pending = Stack.readJson(check(Stack.postJson(resend, "", Map.of()), 200).body());
        assertThat(pending.get("notifyStatus").asText()).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCESS".equals(status(paymentId)));
        Pay.awaitOrderPaid(o.orderId(), Duration.ofSeconds(30));
        assertThat(Db.queryLong("mall_order", "SELECT COUNT(*) FROM payment_notification WHERE payment_id = ?", paymentId))
                .isEqualTo(1);
        assertThat(Db.queryLong("mall_inventory", "SELECT sold FROM sku WHERE sku = ?", o.sku())).isEqualTo(1);

        var again = Stack.postJson(resend, "", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("NOT_RESENDABLE");
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

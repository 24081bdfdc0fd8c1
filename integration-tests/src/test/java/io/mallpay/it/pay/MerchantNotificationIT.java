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
import java.util.TreeMap;
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
    private static final List<Long> DEFAULT_SCHEDULE = List.of(15_000L, 30_000L, 180_000L, 600_000L, 1_800_000L,
            3_600_000L, 7_200_000L, 21_600_000L, 54_000_000L);

    /** Waits until pay-payment has bound {@code millis} as its notification schedule (a Nacos push). */
    private static void awaitSchedule(List<Long> millis) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode now = Stack.readJson(check(Stack.get(Pay.payment() + "/ops/notifications/schedule"), 200).body());
            List<Long> got = new ArrayList<>();
            now.path("scheduleMillis").forEach(n -> got.add(n.asLong()));
            return got.equals(millis);
        });
    }

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

        // attempt number -> when the platform recorded it (the row's updated_at, the database's clock)
        Map<Long, Long> recordedAt = new TreeMap<>();
        try (var change = NacosConfig.edit("pay-payment.yaml", c -> c.replace(SCHEDULE, "notify-schedule: 2s,4s,6s"))) {
            awaitSchedule(List.of(2_000L, 4_000L, 6_000L));
            MallCli.Result stop = MallCli.run(Map.of(), 120, "stop", "mall-order");
            assertThat(stop.exitCode()).as(stop.output()).isZero();

            // A: attempt 1 at once, then 2 s, 4 s and 6 s after each failure; the 4th failure ends it
            bankSays(paymentA, 2_222);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                String[] row = Db.queryString("pay_payment", "SELECT CONCAT(notify_count, ' ', notify_status, ' ',"
                        + " TIMESTAMPDIFF(MICROSECOND, '2000-01-01 00:00:00', updated_at) DIV 1000)"
                        + " FROM merchant_notification WHERE payment_id = ?", paymentA).split(" ");
                long c = Long.parseLong(row[0]);
                if (c > 0) {
                    recordedAt.putIfAbsent(c, Long.parseLong(row[2]));
                }
                return "FAILED".equals(row[1]);
            });
            assertThat(status(paymentA)).isEqualTo("FAILED");
            assertThat(count(paymentA)).isEqualTo(4);

            // B: a schedule long enough to outlast the outage (120 x 3 s: more than ./mall start may take on a
            // loaded machine, 240 s): it is delivered on its own once the mall is back
            NacosConfig.publish("pay-payment.yaml", change.original().replace(SCHEDULE,
                    "notify-schedule: " + String.join(",", java.util.Collections.nCopies(120, "3s"))));
            awaitSchedule(java.util.Collections.nCopies(120, 3_000L));
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
        awaitSchedule(DEFAULT_SCHEDULE);
        // every attempt was seen, in order, and none came before its scheduled wait was over; the
        // slack covers only the time between the scheduler reading its clock and the row's write
        long[] schedule = {2_000, 4_000, 6_000};
        assertThat(recordedAt.keySet()).as("attempts recorded").containsExactly(1L, 2L, 3L, 4L);
        for (long k = 1; k < 4; k++) {
            long gap = recordedAt.get(k + 1) - recordedAt.get(k);
            System.out.printf("notification attempt %d -> %d: %d ms (schedule %d ms)%n", k, k + 1, gap, schedule[(int) k - 1]);
            assertThat(gap).as("wait before attempt %d", k + 1).isGreaterThanOrEqualTo(schedule[(int) k - 1] - 250);
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
}

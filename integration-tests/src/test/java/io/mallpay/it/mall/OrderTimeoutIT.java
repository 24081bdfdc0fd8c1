package io.mallpay.it.mall;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Db;
import io.mallpay.it.support.Mall;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mallpay.it.support.Mall.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payment deadline is a Nacos value (mall.order.payment-timeout): shortened live, an unpaid
 * order passes it and the timeout job cancels it, releasing stock, points and coupon.
 */
class OrderTimeoutIT {

    private static final Stack STACK = Stack.get();

    @Test
    void anUnpaidOrderPastItsDeadlineIsCancelledAndReleasesEverything() {
        String original = config();
        String settings = Mall.service("MALL_ORDER_PORT") + "/api/orders/settings";
        long orderId;
        CheckoutIT.Fixture f = CheckoutIT.fixture();
        try {
            publish(original.replace("payment-timeout: 30m", "payment-timeout: 2s"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Stack.readJson(Stack.get(settings).body()).get("paymentTimeoutSeconds").asLong()).isEqualTo(2));
            JsonNode o = Stack.readJson(check(Mall.checkout("it-" + UUID.randomUUID(), Mall.cart(f.user(),
                    List.of(Map.entry(f.skuA(), 4), Map.entry(f.skuB(), 2)), 300, f.coupon())), 201).body());
            orderId = o.get("orderId").asLong();
        } finally {
            publish(original);
            // Every order checked out while the 2 s deadline is live gets it for good (the deadline
            // is fixed at checkout): wait until mall-order has the 30 min deadline back, so that no
            // later test's order is cancelled by the timeout job under it.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(Stack.readJson(Stack.get(settings).body()).get("paymentTimeoutSeconds").asLong()).isEqualTo(1800));
        }
        // The job runs asynchronously, and AT reads are not isolated across services: the order
        // row can read CANCELLED (its branch committed locally) while the same global transaction
        // is still releasing points and coupon. Wait for the whole outcome.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(Mall.order(orderId).get("status").asText()).isEqualTo("CANCELLED");
            assertThat(Mall.order(orderId).get("cancelReason").asText()).isEqualTo("TIMEOUT");
            assertThat(Mall.product(f.skuA()).get("available").asInt()).isEqualTo(20);
            assertThat(Mall.product(f.skuB()).get("available").asInt()).isEqualTo(5);
            assertThat(Mall.points(f.user()).get("available").asLong()).isEqualTo(1000);
            assertThat(Mall.points(f.user()).get("frozen").asLong()).isZero();
            assertThat(Mall.couponStatus(f.user(), f.coupon())).isEqualTo("AVAILABLE");
        });
        assertThat(Db.queryLong("mall_inventory", "SELECT reserved FROM sku WHERE sku = ?", f.skuA())).isZero();
    }

    private static String config() {
        return Stack.get("http://" + STACK.nacosAddr() + "/nacos/v1/cs/configs?dataId=mall-order.yaml&group=DEFAULT_GROUP&accessToken="
                + STACK.nacosToken()).body();
    }

    private static void publish(String content) {
        var r = Stack.post("http://" + STACK.nacosAddr() + "/nacos/v1/cs/configs?accessToken=" + STACK.nacosToken(),
                Map.of("dataId", "mall-order.yaml", "group", "DEFAULT_GROUP", "type", "yaml", "content", content), Map.of());
        assertThat(r.body()).isEqualTo("true");
    }
}

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
import static io.mallpay.it.support.Mall.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checkout as one Seata AT global transaction on the real stack: it commits in all four services,
 * and a business failure in any participant leaves no trace in any of them.
 */
class CheckoutIT {

    record Fixture(String skuA, String skuB, long user, long coupon) {
    }

    /** A at 2.50 (stock 20), B at 10.00 (stock 5), a user with 1000 points and a £5-off-£20 coupon. */
    static Fixture fixture() {
        long user = Mall.user(1000);
        return new Fixture(Mall.sku(250, 20), Mall.sku(1000, 5), user, Mall.coupon(user, 500, 2000));
    }

    static String key() {
        return "it-" + UUID.randomUUID();
    }

    @Test
    void commitsInAllFourServices() {
        Fixture f = fixture();
        String before = Db.queryString("mall_order", "SELECT DATE_FORMAT(NOW(6), '%Y-%m-%d %H:%i:%s.%f')");
        var r = check(Mall.checkout(key(), Mall.cart(f.user(), List.of(Map.entry(f.skuA(), 4), Map.entry(f.skuB(), 2)),
                300, f.coupon())), 201);
        JsonNode order = Stack.readJson(r.body());
        assertThat(order.get("status").asText()).isEqualTo("CREATED");
        assertThat(order.get("totalCents").asLong()).isEqualTo(3000);
        assertThat(order.get("couponDiscountCents").asLong()).isEqualTo(500);
        assertThat(order.get("pointsUsed").asLong()).isEqualTo(300);
        assertThat(order.get("payableCents").asLong()).isEqualTo(2200);
        assertThat(order.get("lines")).hasSize(2);
        long orderId = order.get("orderId").asLong();

        assertThat(Mall.product(f.skuA()).get("available").asInt()).isEqualTo(16);
        assertThat(Mall.product(f.skuB()).get("available").asInt()).isEqualTo(3);
        assertThat(Db.queryLong("mall_inventory", "SELECT reserved FROM sku WHERE sku = ?", f.skuA())).isEqualTo(4);
        assertThat(Mall.points(f.user()).get("available").asLong()).isEqualTo(700);
        assertThat(Mall.points(f.user()).get("frozen").asLong()).isEqualTo(300);
        assertThat(Mall.couponStatus(f.user(), f.coupon())).isEqualTo("LOCKED");
        assertThat(Mall.order(orderId).get("status").asText()).isEqualTo("CREATED");
        // Phase two of AT deletes the undo logs of a committed global transaction. (Only this test's:
        // a participant killed by another test can leave committed branches' undo logs behind — the
        // RM deletes them asynchronously from an in-memory queue — until Seata's periodic clean-up.)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String db : List.of("mall_order", "mall_inventory", "mall_points", "mall_coupon")) {
                assertThat(Db.queryLong(db, "SELECT COUNT(*) FROM undo_log WHERE log_created >= ?", before))
                        .as("undo_log of " + db).isZero();
            }
        });
    }

    private static void assertNoTrace(Fixture f) {
        assertThat(Mall.ordersOf(f.user())).as("orders of the user").isZero();
        assertThat(Mall.product(f.skuA()).get("available").asInt()).isEqualTo(20);
        assertThat(Mall.product(f.skuB()).get("available").asInt()).isEqualTo(5);
        assertThat(Db.queryLong("mall_inventory", "SELECT reserved + sold FROM sku WHERE sku = ?", f.skuA())).isZero();
        assertThat(Db.queryLong("mall_inventory", "SELECT COUNT(*) FROM stock_reservation WHERE sku IN (?, ?)",
                f.skuA(), f.skuB())).isZero();
        assertThat(Mall.points(f.user()).get("available").asLong()).isEqualTo(1000);
        assertThat(Mall.points(f.user()).get("frozen").asLong()).isZero();
        assertThat(Db.queryLong("mall_points", "SELECT COUNT(*) FROM points_ledger WHERE user_id = ?", f.user()))
                .as("only the opening ledger row").isEqualTo(1);
        assertThat(Mall.couponStatus(f.user(), f.coupon())).isEqualTo("AVAILABLE");
    }

    @Test
    void outOfStockInInventoryRollsBackCouponAndPointsToo() {
        Fixture f = fixture();
        var r = Mall.checkout(key(), Mall.cart(f.user(), List.of(Map.entry(f.skuA(), 4), Map.entry(f.skuB(), 6)),
                300, f.coupon()));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("OUT_OF_STOCK");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertNoTrace(f);
    }

    @Test
    void notEnoughPointsInPointsRollsBackTheCouponLock() {
        Fixture f = fixture();
        var r = Mall.checkout(key(), Mall.cart(f.user(), List.of(Map.entry(f.skuB(), 3)), 1001, f.coupon()));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("NOT_ENOUGH_POINTS");
        assertNoTrace(f);
    }

    @Test
    void aCouponOfAnotherUserIsNotUsableAndNothingChanges() {
        Fixture f = fixture();
        long otherUser = Mall.user(0);
        var r = Mall.checkout(key(), Mall.cart(otherUser, List.of(Map.entry(f.skuB(), 3)), 0, f.coupon()));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("COUPON_NOT_USABLE");
        assertThat(Mall.ordersOf(otherUser)).isZero();
        assertNoTrace(f);
    }

    @Test
    void aCouponBelowItsMinimumIsNotUsable() {
        Fixture f = fixture();
        var r = Mall.checkout(key(), Mall.cart(f.user(), List.of(Map.entry(f.skuA(), 2)), 0, f.coupon()));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("COUPON_NOT_USABLE");
        assertNoTrace(f);
    }

    @Test
    void badInputIsRejectedWithStableCodesAndChangesNothing() {
        Fixture f = fixture();
        var unknownSku = Mall.checkout(key(), Mall.cart(f.user(), List.of(Map.entry("NO-SUCH-SKU", 1)), 0, null));
        assertThat(unknownSku.statusCode()).isEqualTo(404);
        assertThat(code(unknownSku)).isEqualTo("UNKNOWN_SKU");

        var badQuantity = Mall.checkout(key(), Mall.cart(f.user(), List.of(Map.entry(f.skuA(), -6)), 0, null));
        assertThat(badQuantity.statusCode()).isEqualTo(400);
        assertThat(code(badQuantity)).isEqualTo("BAD_QUANTITY");

        var badPoints = Mall.checkout(key(), Mall.cart(f.user(), List.of(Map.entry(f.skuA(), 1)), 251, null));
        assertThat(badPoints.statusCode()).isEqualTo(400);
        assertThat(code(badPoints)).isEqualTo("BAD_POINTS");

        var unknownUser = Mall.checkout(key(), Mall.cart(Mall.uniqueUser(), List.of(Map.entry(f.skuA(), 1)), 10, null));
        assertThat(unknownUser.statusCode()).isEqualTo(404);
        assertThat(code(unknownUser)).isEqualTo("UNKNOWN_USER");

        // no points and no coupon: nothing in the global transaction would look the user up
        long nobody = Mall.uniqueUser();
        var unknownUserNoPoints = Mall.checkout(key(), Mall.cart(nobody, List.of(Map.entry(f.skuA(), 1)), 0, null));
        assertThat(unknownUserNoPoints.statusCode()).isEqualTo(404);
        assertThat(code(unknownUserNoPoints)).isEqualTo("UNKNOWN_USER");
        assertThat(Mall.ordersOf(nobody)).as("orders of a user the mall does not know").isZero();

        var noKey = Stack.postJson(Mall.storefront() + "/api/orders",
                Mall.cart(f.user(), List.of(Map.entry(f.skuA(), 1)), 0, null), Map.of());
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(code(noKey)).isEqualTo("MISSING_HEADER");

        assertNoTrace(f);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameOrderAndReservesOnce() {
        Fixture f = fixture();
        String key = key();
        String cart = Mall.cart(f.user(), List.of(Map.entry(f.skuA(), 3)), 0, null);
        var first = check(Mall.checkout(key, cart), 201);
        var second = check(Mall.checkout(key, cart), 201);

        long orderId = Stack.readJson(first.body()).get("orderId").asLong();
        assertThat(Stack.readJson(second.body()).get("orderId").asLong()).isEqualTo(orderId);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(Mall.ordersOf(f.user())).isEqualTo(1);
        assertThat(Mall.product(f.skuA()).get("available").asInt()).isEqualTo(17);

        var reused = Mall.checkout(key, Mall.cart(f.user(), List.of(Map.entry(f.skuA(), 4)), 0, null));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(code(reused)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(Mall.product(f.skuA()).get("available").asInt()).isEqualTo(17);
    }
}

package io.mallpay.it.mall;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Db;
import io.mallpay.it.support.Mall;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mallpay.it.support.Mall.check;
import static io.mallpay.it.support.Mall.code;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * After checkout: the payment result (idempotent, one AT global transaction across the four
 * services) and cancel (releases everything, idempotent, refused once paid).
 */
class OrderLifecycleIT {

    private record Placed(CheckoutIT.Fixture f, long orderId, long payable) {
    }

    /** A×4 + B×2 = £30.00, coupon −£5, 300 points −£3 → payable £22.00. */
    private static Placed placed() {
        CheckoutIT.Fixture f = CheckoutIT.fixture();
        JsonNode o = Stack.readJson(check(Mall.checkout("it-" + UUID.randomUUID(), Mall.cart(f.user(),
                List.of(Map.entry(f.skuA(), 4), Map.entry(f.skuB(), 2)), 300, f.coupon())), 201).body());
        return new Placed(f, o.get("orderId").asLong(), o.get("payableCents").asLong());
    }

    @Test
    void aPaymentResultCompletesTheOrderEverywhereExactlyOnce() {
        Placed p = placed();
        String paymentId = "pay-" + UUID.randomUUID();

        var first = check(Mall.paymentResult(p.orderId(), paymentId, p.payable()), 200);
        assertThat(Stack.readJson(first.body()).get("outcome").asText()).isEqualTo("APPLIED");

        JsonNode order = Mall.order(p.orderId());
        assertThat(order.get("status").asText()).isEqualTo("PAID");
        assertThat(Db.queryLong("mall_inventory", "SELECT sold FROM sku WHERE sku = ?", p.f().skuA())).isEqualTo(4);
        assertThat(Db.queryLong("mall_inventory", "SELECT reserved FROM sku WHERE sku = ?", p.f().skuA())).isZero();
        assertThat(Mall.product(p.f().skuA()).get("available").asInt()).isEqualTo(16);
        // 1000 − 300 spent + 22 consumption points (one per whole pound of £22.00 paid).
        assertThat(Mall.points(p.f().user()).get("available").asLong()).isEqualTo(722);
        assertThat(Mall.points(p.f().user()).get("frozen").asLong()).isZero();
        assertThat(Mall.couponStatus(p.f().user(), p.f().coupon())).isEqualTo("USED");
        long ledgerRows = Db.queryLong("mall_points", "SELECT COUNT(*) FROM points_ledger WHERE user_id = ?", p.f().user());

        var again = check(Mall.paymentResult(p.orderId(), paymentId, p.payable()), 200);
        assertThat(Stack.readJson(again.body()).get("outcome").asText()).isEqualTo("APPLIED");
        assertThat(Db.queryLong("mall_points", "SELECT COUNT(*) FROM points_ledger WHERE user_id = ?", p.f().user()))
                .isEqualTo(ledgerRows);
        assertThat(Mall.points(p.f().user()).get("available").asLong()).isEqualTo(722);
        assertThat(Db.queryLong("mall_inventory", "SELECT sold FROM sku WHERE sku = ?", p.f().skuA())).isEqualTo(4);

        var otherPayment = Mall.paymentResult(p.orderId(), "pay-" + UUID.randomUUID(), p.payable());
        assertThat(otherPayment.statusCode()).isEqualTo(409);
        assertThat(code(otherPayment)).isEqualTo("ALREADY_PAID");

        var cancel = Mall.cancel(p.orderId());
        assertThat(cancel.statusCode()).isEqualTo(409);
        assertThat(code(cancel)).isEqualTo("ORDER_NOT_CANCELLABLE");
        assertThat(Mall.order(p.orderId()).get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void aPaymentOfTheWrongAmountIsRecordedAndRejected() {
        Placed p = placed();
        var r = Mall.paymentResult(p.orderId(), "pay-" + UUID.randomUUID(), p.payable() + 1);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("AMOUNT_MISMATCH");
        assertThat(Mall.order(p.orderId()).get("status").asText()).isEqualTo("CREATED");
        assertThat(Db.queryString("mall_order", "SELECT outcome FROM payment_notification WHERE order_id = ?",
                p.orderId())).isEqualTo("REJECTED_AMOUNT_MISMATCH");
        assertThat(Mall.couponStatus(p.f().user(), p.f().coupon())).isEqualTo("LOCKED");
    }

    @Test
    void cancelReleasesStockPointsAndCouponOnceAndRefusesALatePayment() {
        Placed p = placed();
        JsonNode cancelled = Stack.readJson(check(Mall.cancel(p.orderId()), 200).body());
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason").asText()).isEqualTo("USER");

        assertThat(Mall.product(p.f().skuA()).get("available").asInt()).isEqualTo(20);
        assertThat(Mall.product(p.f().skuB()).get("available").asInt()).isEqualTo(5);
        assertThat(Db.queryLong("mall_inventory", "SELECT reserved FROM sku WHERE sku = ?", p.f().skuB())).isZero();
        assertThat(Mall.points(p.f().user()).get("available").asLong()).isEqualTo(1000);
        assertThat(Mall.points(p.f().user()).get("frozen").asLong()).isZero();
        assertThat(Mall.couponStatus(p.f().user(), p.f().coupon())).isEqualTo("AVAILABLE");

        JsonNode again = Stack.readJson(check(Mall.cancel(p.orderId()), 200).body());
        assertThat(again.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(Mall.product(p.f().skuA()).get("available").asInt()).isEqualTo(20);
        assertThat(Mall.points(p.f().user()).get("available").asLong()).isEqualTo(1000);

        var late = Mall.paymentResult(p.orderId(), "pay-" + UUID.randomUUID(), p.payable());
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(code(late)).isEqualTo("ORDER_CANCELLED");
        assertThat(Mall.order(p.orderId()).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void unknownOrdersAre404() {
        var r = Stack.get(Mall.storefront() + "/api/orders/987654321987");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(code(r)).isEqualTo("UNKNOWN_ORDER");
        assertThat(code(Mall.cancel(987654321987L))).isEqualTo("UNKNOWN_ORDER");
    }
}

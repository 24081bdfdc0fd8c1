package io.mallpay.tools.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mallpay.tools.check.Rows.T0;
import static io.mallpay.tools.check.Rows.coupon;
import static io.mallpay.tools.check.Rows.order;
import static org.assertj.core.api.Assertions.assertThat;

class CouponCheckTest {

    private static InvariantResult check(CheckContext ctx, List<Row> coupons, List<Row> orders) {
        return CouponCheck.evaluate(ctx, coupons, Tables.index(orders, o -> o.lng("order_id")));
    }

    @Test
    void usedByItsPaidOrderLockedByALiveCreatedOneAndReleasedByACancelledOnePass() {
        InvariantResult r = check(Rows.ctx(),
                List.of(coupon(10, "USED", 1L), coupon(11, "LOCKED", 2L), coupon(12, "AVAILABLE", null)),
                List.of(order(1, "PAID", 900, "P1", 10L), order(2, "CREATED", 900, null, 11L),
                        order(3, "CANCELLED", 900, null, 12L)));

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.checked()).isEqualTo(5);
    }

    @Test
    void aUsedCouponNeedsExactlyOnePaidOrder() {
        InvariantResult r = check(Rows.ctx(), List.of(coupon(10, "USED", 1L), coupon(11, "USED", 2L)),
                List.of(order(1, "CANCELLED", 900, null, 10L), order(2, "PAID", 900, "P2", 11L),
                        order(3, "PAID", 900, "P3", 11L)));

        assertThat(r.rows()).extracting(Violation::problem).contains("USED coupon referenced by 0 PAID orders",
                "USED coupon referenced by 2 PAID orders");
    }

    @Test
    void aLockedCouponMustBeHeldByALiveCreatedOrder() {
        InvariantResult r = check(Rows.ctx(T0.plusHours(1), null),
                List.of(coupon(10, "LOCKED", 1L), coupon(11, "LOCKED", 2L), coupon(12, "LOCKED", 99L)),
                List.of(order(1, "CANCELLED", 900, null, 10L), order(2, "CREATED", 900, null, 11L)));

        assertThat(r.rows()).extracting(Violation::problem).containsExactly("LOCKED coupon not held by a CREATED order",
                "LOCKED coupon held by an order past its deadline", "LOCKED coupon not held by a CREATED order");
    }

    @Test
    void noLiveOrPaidOrderMayReferenceAnAvailableUnknownOrForeignCoupon() {
        InvariantResult r = check(Rows.ctx(),
                List.of(coupon(10, "AVAILABLE", null), coupon(11, "LOCKED", 5L)),
                List.of(order(1, "CREATED", 900, null, 10L), order(2, "CREATED", 900, null, 11L),
                        order(3, "PAID", 900, "P3", 404L), order(5, "CREATED", 900, null, 11L)));

        assertThat(r.rows()).extracting(Violation::problem).containsExactlyInAnyOrder(
                "CREATED order references an AVAILABLE coupon", "CREATED order's coupon is held by another order",
                "PAID order references an unknown coupon");
    }

    @Test
    void sinceKeepsCouponsChangedInTheWindow() {
        CheckContext ctx = Rows.ctx(T0.plusMinutes(5), T0.minusMinutes(1));
        Row oldUntouched = Rows.with(coupon(10, "USED", 1L), "updated_at", T0.minusDays(1));

        InvariantResult r = check(ctx, List.of(oldUntouched, coupon(11, "USED", 2L)), List.of());

        assertThat(r.checked()).isEqualTo(1);
        assertThat(r.rows()).singleElement().satisfies(v -> assertThat(v.values()).containsEntry("coupon_id", 11L));
    }
}

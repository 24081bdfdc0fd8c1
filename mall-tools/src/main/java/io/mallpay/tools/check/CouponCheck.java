package io.mallpay.tools.check;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * DESIGN.md "Invariants", coupons: a USED coupon is referenced by exactly one PAID order, the one
 * it names; a LOCKED coupon is held by the CREATED order it names, still within its deadline; a
 * CREATED or PAID order never references an AVAILABLE coupon, an unknown one, or one held by
 * another order. Row-level: coupons created or changed at or after {@code since}, and orders
 * created at or after it.
 */
final class CouponCheck {

    static final String NAME = "COUPONS";
    static final String DESCRIPTION = "USED coupon = exactly one PAID order; LOCKED coupon = one live CREATED order;"
            + " no CREATED/PAID order on an AVAILABLE coupon";

    static final String COUPONS = "SELECT id, user_id, status, order_id, created_at, updated_at FROM user_coupon";

    private CouponCheck() {
    }

    static InvariantResult run(CheckContext ctx) throws SQLException {
        return evaluate(ctx, ctx.sql().query("mall_coupon", COUPONS), Tables.ordersById(ctx.sql()));
    }

    static InvariantResult evaluate(CheckContext ctx, List<Row> coupons, Map<Long, Row> orders) {
        Findings f = new Findings(NAME, DESCRIPTION, "coupons and orders with a coupon");
        Map<Long, List<Row>> ordersByCoupon = new HashMap<>();
        for (Row o : orders.values()) {
            if (o.lngOrNull("coupon_id") != null) {
                ordersByCoupon.computeIfAbsent(o.lng("coupon_id"), k -> new ArrayList<>()).add(o);
            }
        }
        Map<Long, Row> couponById = Tables.index(coupons, c -> c.lng("id"));
        for (Row c : coupons) {
            if (ctx.inWindow(c.time("created_at")) || ctx.inWindow(c.time("updated_at"))) {
                f.checked();
                coupon(ctx, f, c, orders.get(c.lngOrNull("order_id")),
                        ordersByCoupon.getOrDefault(c.lng("id"), List.of()));
            }
        }
        for (Row o : orders.values()) {
            String status = o.str("status");
            if (o.lngOrNull("coupon_id") != null && ctx.inWindow(o.time("created_at"))
                    && ("CREATED".equals(status) || "PAID".equals(status))) {
                f.checked();
                order(f, o, couponById.get(o.lng("coupon_id")));
            }
        }
        return f.result();
    }

    private static void coupon(CheckContext ctx, Findings f, Row c, Row holder, List<Row> referencing) {
        List<Row> paid = referencing.stream().filter(o -> "PAID".equals(o.str("status"))).toList();
        Object[] values = {"coupon_id", c.lng("id"), "status", c.str("status"), "order_id", c.lngOrNull("order_id"),
                "order_status", holder == null ? null : holder.str("status"),
                "paid_orders", paid.stream().map(o -> o.lng("order_id")).toList().toString()};
        switch (c.str("status")) {
            case "USED" -> {
                if (paid.size() != 1) {
                    f.fail("USED coupon referenced by " + paid.size() + " PAID orders", values);
                } else if (!Objects.equals(paid.get(0).lng("order_id"), c.lngOrNull("order_id"))) {
                    f.fail("USED coupon names another order than the PAID one", values);
                }
            }
            case "LOCKED" -> {
                if (holder == null || !"CREATED".equals(holder.str("status"))) {
                    f.fail("LOCKED coupon not held by a CREATED order", values);
                } else if (!Objects.equals(holder.lngOrNull("coupon_id"), c.lng("id"))) {
                    f.fail("LOCKED coupon's order does not reference it", values);
                } else if (ctx.deadline(holder.time("pay_deadline")) == CheckContext.Deadline.EXPIRED) {
                    f.fail("LOCKED coupon held by an order past its deadline", values);
                } else if (!paid.isEmpty()) {
                    f.fail("LOCKED coupon also referenced by a PAID order", values);
                }
            }
            case "AVAILABLE" -> {
                // judged from the orders' side: no CREATED or PAID order may reference it
            }
            default -> f.fail("unknown coupon status", values);
        }
    }

    private static void order(Findings f, Row o, Row coupon) {
        Object[] values = {"order_id", o.lng("order_id"), "order_status", o.str("status"),
                "coupon_id", o.lng("coupon_id"), "coupon_status", coupon == null ? null : coupon.str("status"),
                "coupon_order_id", coupon == null ? null : coupon.lngOrNull("order_id")};
        if (coupon == null) {
            f.fail(o.str("status") + " order references an unknown coupon", values);
        } else if ("AVAILABLE".equals(coupon.str("status"))) {
            f.fail(o.str("status") + " order references an AVAILABLE coupon", values);
        } else if (!Objects.equals(coupon.lngOrNull("order_id"), o.lng("order_id"))) {
            f.fail(o.str("status") + " order's coupon is held by another order", values);
        }
    }
}

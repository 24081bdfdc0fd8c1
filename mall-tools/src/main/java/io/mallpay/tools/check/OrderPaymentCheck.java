package io.mallpay.tools.check;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DESIGN.md "Invariants", orders: every order ends PAID or CANCELLED or is still within its
 * deadline, and the mall and the platform agree on what was paid. Proves that every PAID order has
 * its PAID payment (same order, amount = payable, named by {@code orders.payment_id}); that a
 * CREATED order past its deadline (beyond {@link CheckContext#DEADLINE_GRACE}) was cancelled; and
 * that every PAID payment's order is PAID by it with the merchant notification SUCCESS. A payment
 * the merchant refused (order cancelled, or paid twice) is a WARN "refund required", a notification
 * still being retried a WARN "still notifying". Row-level: orders and payments created at or after
 * {@code since}.
 */
final class OrderPaymentCheck {

    static final String NAME = "ORDERS_PAYMENTS";
    static final String DESCRIPTION = "every PAID order has its PAID payment (amount = payable); every PAID payment's"
            + " order is PAID by it and notified; no CREATED order past its deadline";

    private OrderPaymentCheck() {
    }

    static InvariantResult run(CheckContext ctx) throws SQLException {
        Sql sql = ctx.sql();
        return evaluate(ctx, Tables.ordersById(sql), Tables.payments(sql), Tables.notificationsByPayment(sql),
                Tables.orderOutcomesByPayment(sql));
    }

    static InvariantResult evaluate(CheckContext ctx, Map<Long, Row> orders, List<Row> payments,
                                    Map<String, Row> notifications, Map<String, Row> outcomes) {
        Findings f = new Findings(NAME, DESCRIPTION, "orders and paid payments");
        Map<Long, List<Row>> paidByOrder = new HashMap<>();
        payments.stream().filter(p -> "PAID".equals(p.str("status")))
                .forEach(p -> paidByOrder.computeIfAbsent(p.lng("order_id"), k -> new ArrayList<>()).add(p));
        for (Row o : orders.values()) {
            if (ctx.inWindow(o.time("created_at"))) {
                f.checked();
                order(ctx, f, o, paidByOrder.getOrDefault(o.lng("order_id"), List.of()));
            }
        }
        for (Row p : payments) {
            if ("PAID".equals(p.str("status")) && ctx.inWindow(p.time("created_at"))) {
                f.checked();
                paidPayment(f, p, orders.get(p.lng("order_id")), notifications.get(p.str("payment_id")),
                        outcomes.getOrDefault(p.str("payment_id"), Row.of()).str("outcome"));
            }
        }
        return f.result();
    }

    private static void order(CheckContext ctx, Findings f, Row o, List<Row> paid) {
        Object[] values = {"order_id", o.lng("order_id"), "status", o.str("status"),
                "orders.payment_id", o.str("payment_id"), "payable_cents", o.lng("payable_cents"),
                "pay_deadline", o.time("pay_deadline"),
                "paid_payments", paid.stream().map(p -> p.str("payment_id")).toList().toString()};
        switch (o.str("status")) {
            case "PAID" -> {
                Row mine = paid.stream().filter(p -> p.str("payment_id").equals(o.str("payment_id"))).findFirst()
                        .orElse(null);
                if (paid.isEmpty()) {
                    f.fail("PAID order has no PAID payment", values);
                } else if (mine == null) {
                    f.fail("orders.payment_id does not name the order's PAID payment", values);
                } else if (mine.lng("amount_cents") != o.lng("payable_cents")) {
                    f.fail("paid amount " + mine.lng("amount_cents") + " != payable", values);
                }
            }
            case "CANCELLED" -> {
                // a payment that arrived too late is judged from the payment's side
            }
            case "CREATED" -> {
                switch (ctx.deadline(o.time("pay_deadline"))) {
                    case EXPIRED -> f.fail("CREATED order past its payment deadline (timeout job missed it)", values);
                    case JUST_EXPIRED -> f.warn("CREATED order just past its deadline: timeout job due", values);
                    case LIVE -> {
                    }
                }
            }
            default -> f.fail("unknown order status", values);
        }
    }

    private static void paidPayment(Findings f, Row p, Row order, Row notification, String merchantOutcome) {
        String notifyStatus = notification == null ? null : notification.str("notify_status");
        Verdict v = verdict(p.str("payment_id"), order, notifyStatus);
        if (v == null) {
            return;
        }
        Object[] values = {"payment_id", p.str("payment_id"), "order_id", p.lng("order_id"),
                "order_status", order == null ? null : order.str("status"),
                "orders.payment_id", order == null ? null : order.str("payment_id"),
                "amount_cents", p.lng("amount_cents"), "notify_status", notifyStatus,
                "notify_count", notification == null ? null : notification.lngOrNull("notify_count"),
                "last_result", notification == null ? null : abbreviate(notification.str("last_result")),
                "merchant_outcome", merchantOutcome};
        if (v.status() == Status.FAIL) {
            f.fail(v.problem(), values);
        } else {
            f.warn(v.problem(), values);
        }
    }

    /** The notifier's last answer, cut short: enough to tell a 500 from a 409. */
    private static String abbreviate(String text) {
        return text == null || text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** A WARN or FAIL with its reason. */
    record Verdict(Status status, String problem) {
    }

    /**
     * How a PAID payment stands against its order and its merchant notification; null when all is
     * well (order PAID by this payment, notification SUCCESS).
     */
    static Verdict verdict(String paymentId, Row order, String notifyStatus) {
        if (order == null) {
            return new Verdict(Status.FAIL, "PAID payment of an unknown order");
        }
        if (notifyStatus == null) {
            return new Verdict(Status.FAIL, "PAID payment has no merchant notification");
        }
        boolean paidByThis = "PAID".equals(order.str("status")) && paymentId.equals(order.str("payment_id"));
        boolean cancelled = "CANCELLED".equals(order.str("status"));
        return switch (notifyStatus) {
            case "SUCCESS" -> paidByThis ? null
                    : new Verdict(Status.FAIL, "merchant acknowledged the payment but the order is not PAID by it");
            case "PENDING" -> new Verdict(Status.WARN, "still notifying the merchant");
            case "REJECTED" -> paidByThis
                    ? new Verdict(Status.FAIL, "order is PAID by this payment but the notification was REJECTED")
                    : new Verdict(Status.WARN, "refund required: the merchant rejected the payment (order "
                    + order.str("status") + ")");
            case "FAILED" -> cancelled
                    ? new Verdict(Status.WARN, "refund required: notification FAILED and the order is CANCELLED")
                    : new Verdict(Status.FAIL, "merchant notification FAILED (order " + order.str("status") + ")");
            default -> new Verdict(Status.FAIL, "unknown notify_status " + notifyStatus);
        };
    }
}

package io.mallpay.tools.check;

import java.time.LocalDateTime;

/** Object Mother: rows as the checks' queries return them, consistent unless a test breaks them. */
final class Rows {

    static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 10, 12, 0);

    private Rows() {
    }

    static Row payment(String id, long orderId, String status, long amount, Long commission, String method) {
        return Row.of("payment_id", id, "order_id", orderId, "user_id", 7L, "merchant_id", "M-1", "method", method,
                "amount_cents", amount, "commission_cents", commission, "status", status, "created_at", T0);
    }

    static Row paidCard(String id, long orderId, long amount) {
        return payment(id, orderId, "PAID", amount, amount / 50, "CARD");
    }

    static Row createdAt(Row row, LocalDateTime createdAt) {
        java.util.Map<String, Object> m = new java.util.HashMap<>(row.columns());
        m.put("created_at", createdAt);
        return new Row(m);
    }

    static Row with(Row row, String column, Object value) {
        java.util.Map<String, Object> m = new java.util.HashMap<>(row.columns());
        m.put(column, value);
        return new Row(m);
    }

    static Row order(long id, String status, long payable, String paymentId, Long couponId) {
        return Row.of("order_id", id, "user_id", 7L, "status", status, "payable_cents", payable,
                "pay_deadline", T0.plusMinutes(30), "payment_id", paymentId, "coupon_id", couponId, "created_at", T0);
    }

    static Row voucher(long id, String paymentId, long amount, long commission, String method) {
        return Row.of("id", id, "payment_id", paymentId, "method", method, "amount_cents", amount,
                "commission_cents", commission, "created_at", T0.plusSeconds(1));
    }

    static Row notification(String paymentId, String status) {
        return Row.of("payment_id", paymentId, "notify_status", status, "notify_count", 1L, "last_result", "200");
    }

    static Row coupon(long id, String status, Long orderId) {
        return Row.of("id", id, "user_id", 7L, "status", status, "order_id", orderId, "created_at", T0.minusDays(1),
                "updated_at", T0);
    }

    /** A context at {@code T0 + 1 min}, all rows in the window. */
    static CheckContext ctx() {
        return new CheckContext(null, T0.plusMinutes(1), null);
    }

    static CheckContext ctx(LocalDateTime now, LocalDateTime since) {
        return new CheckContext(null, now, since);
    }
}

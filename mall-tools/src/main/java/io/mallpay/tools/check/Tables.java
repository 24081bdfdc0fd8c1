package io.mallpay.tools.check;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows the row-level checks (DESIGN.md "Invariants" 6-9) join across databases, each read
 * whole and keyed in memory: the databases belong to different services, so no SQL join spans
 * them. Columns are those the checks compare; amounts in pence, times UTC.
 */
final class Tables {

    static final String PAYMENTS = "SELECT payment_id, order_id, user_id, merchant_id, method, amount_cents,"
            + " commission_cents, status, created_at FROM payment";
    static final String NOTIFICATIONS = "SELECT payment_id, notify_status, notify_count, last_result"
            + " FROM merchant_notification";
    static final String ORDERS = "SELECT order_id, user_id, status, payable_cents, pay_deadline, payment_id,"
            + " coupon_id, created_at FROM orders";
    static final String ORDER_OUTCOMES = "SELECT payment_id, outcome FROM payment_notification";
    static final String VOUCHERS = "SELECT id, payment_id, method, amount_cents, commission_cents, created_at"
            + " FROM voucher";

    private Tables() {
    }

    static List<Row> payments(Sql sql) throws SQLException {
        return sql.query("pay_payment", PAYMENTS);
    }

    static Map<String, Row> notificationsByPayment(Sql sql) throws SQLException {
        return index(sql.query("pay_payment", NOTIFICATIONS), r -> r.str("payment_id"));
    }

    static Map<Long, Row> ordersById(Sql sql) throws SQLException {
        return index(sql.query("mall_order", ORDERS), r -> r.lng("order_id"));
    }

    /** mall-order's answer to each payment result it received (APPLIED or REJECTED_...). */
    static Map<String, Row> orderOutcomesByPayment(Sql sql) throws SQLException {
        return index(sql.query("mall_order", ORDER_OUTCOMES), r -> r.str("payment_id"));
    }

    static List<Row> vouchers(Sql sql) throws SQLException {
        return sql.query("pay_accounting", VOUCHERS);
    }

    /** Rows by key; the key is unique in every table this is used on. */
    static <K> Map<K, Row> index(List<Row> rows, Function<Row, K> key) {
        Map<K, Row> map = new HashMap<>();
        rows.forEach(r -> map.put(key.apply(r), r));
        return map;
    }
}

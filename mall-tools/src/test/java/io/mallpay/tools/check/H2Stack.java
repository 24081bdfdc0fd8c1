package io.mallpay.tools.check;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The stack's databases as H2 in-memory databases in MySQL mode, with the columns the checks read
 * (trimmed from the Flyway migrations), seeded with one consistent small world: order 1 paid by
 * card with coupon 10 and voucher, order 2 unpaid and live with its points frozen.
 */
final class H2Stack {

    private final String run = "chk" + UUID.randomUUID().toString().replace("-", "");

    Connection open(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + run + "_" + db
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    }

    JdbcSql sql() {
        return new JdbcSql(this::open);
    }

    void exec(String db, String... statements) throws SQLException {
        try (Connection c = open(db); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Creates every table and seeds the consistent world (checked at 2026-01-10T12:10Z, order 2 is live). */
    H2Stack seeded() throws SQLException {
        exec("mall_inventory",
                "CREATE TABLE sku (sku VARCHAR(32) PRIMARY KEY, available INT, reserved INT, sold INT,"
                        + " initial_stock INT, restocked INT)",
                "CREATE TABLE stock_reservation (order_id BIGINT, sku VARCHAR(32), quantity INT, status VARCHAR(16),"
                        + " PRIMARY KEY (order_id, sku))",
                "INSERT INTO sku VALUES ('A', 10, 1, 1, 10, 2)",
                "INSERT INTO stock_reservation VALUES (1, 'A', 1, 'SOLD'), (2, 'A', 1, 'RESERVED')");
        exec("mall_points",
                "CREATE TABLE points_account (user_id BIGINT PRIMARY KEY, available BIGINT, frozen BIGINT)",
                "CREATE TABLE points_ledger (id BIGINT AUTO_INCREMENT PRIMARY KEY, user_id BIGINT,"
                        + " delta_available BIGINT, delta_frozen BIGINT)",
                "CREATE TABLE points_freeze (order_id BIGINT PRIMARY KEY, user_id BIGINT, points BIGINT,"
                        + " status VARCHAR(16))",
                "CREATE TABLE points_reward (payment_id VARCHAR(64) PRIMARY KEY, order_id BIGINT, user_id BIGINT,"
                        + " points BIGINT, status VARCHAR(16), xid VARCHAR(128), created_at TIMESTAMP(3))",
                "INSERT INTO points_account VALUES (7, 90, 10)",
                "INSERT INTO points_ledger (user_id, delta_available, delta_frozen) VALUES (7, 100, 0), (7, -10, 10)",
                "INSERT INTO points_freeze VALUES (2, 7, 10, 'FROZEN')");
        exec("pay_fund",
                "CREATE TABLE fund_account (id BIGINT PRIMARY KEY, owner_type VARCHAR(16), owner_id VARCHAR(64),"
                        + " available_cents BIGINT, incoming_cents BIGINT, outgoing_cents BIGINT)",
                "CREATE TABLE fund_ledger (id BIGINT AUTO_INCREMENT PRIMARY KEY, account_id BIGINT,"
                        + " reference VARCHAR(64), entry_type VARCHAR(16), delta_available BIGINT,"
                        + " delta_incoming BIGINT, delta_outgoing BIGINT, xid VARCHAR(128), branch_id BIGINT,"
                        + " created_at TIMESTAMP(3))",
                "INSERT INTO fund_account VALUES (1, 'MERCHANT', 'M-1', 980, 0, 0)",
                "INSERT INTO fund_ledger (account_id, reference, entry_type, delta_available, delta_incoming,"
                        + " delta_outgoing, xid, branch_id, created_at) VALUES"
                        + " (1, 'P1', 'OPENING', 0, 0, 0, 'x1', 11, TIMESTAMP '2026-01-10 12:00:01'),"
                        + " (1, 'P1', 'CREDIT_TRY', 0, 980, 0, 'x1', 11, TIMESTAMP '2026-01-10 12:00:01'),"
                        + " (1, 'P1', 'CREDIT_CONFIRM', 980, -980, 0, 'x1', 11, TIMESTAMP '2026-01-10 12:00:02')");
        exec("pay_accounting",
                "CREATE TABLE voucher (id BIGINT PRIMARY KEY, payment_id VARCHAR(64), method VARCHAR(16),"
                        + " amount_cents BIGINT, commission_cents BIGINT, created_at TIMESTAMP(3))",
                "CREATE TABLE voucher_line (id BIGINT AUTO_INCREMENT PRIMARY KEY, voucher_id BIGINT,"
                        + " direction VARCHAR(6), amount_cents BIGINT)",
                "INSERT INTO voucher VALUES (1, 'P1', 'CARD', 1000, 20, TIMESTAMP '2026-01-10 12:00:03')",
                "INSERT INTO voucher_line (voucher_id, direction, amount_cents) VALUES"
                        + " (1, 'DEBIT', 1000), (1, 'CREDIT', 980), (1, 'CREDIT', 20)");
        exec("pay_payment",
                "CREATE TABLE payment (payment_id VARCHAR(32) PRIMARY KEY, order_id BIGINT, user_id BIGINT,"
                        + " merchant_id VARCHAR(64), method VARCHAR(8), amount_cents BIGINT, commission_cents BIGINT,"
                        + " status VARCHAR(8), created_at TIMESTAMP(3))",
                "CREATE TABLE merchant_notification (id BIGINT AUTO_INCREMENT PRIMARY KEY, payment_id VARCHAR(32),"
                        + " notify_status VARCHAR(8), notify_count INT, last_result VARCHAR(512))",
                "INSERT INTO payment VALUES ('P1', 1, 7, 'M-1', 'CARD', 1000, 20, 'PAID',"
                        + " TIMESTAMP '2026-01-10 12:00:00')",
                "INSERT INTO merchant_notification (payment_id, notify_status, notify_count, last_result)"
                        + " VALUES ('P1', 'SUCCESS', 1, '200')");
        exec("mall_order",
                "CREATE TABLE orders (order_id BIGINT PRIMARY KEY, user_id BIGINT, status VARCHAR(16),"
                        + " payable_cents BIGINT, pay_deadline TIMESTAMP(3), payment_id VARCHAR(64), coupon_id BIGINT,"
                        + " created_at TIMESTAMP(3))",
                "CREATE TABLE payment_notification (payment_id VARCHAR(64) PRIMARY KEY, order_id BIGINT,"
                        + " outcome VARCHAR(32))",
                "INSERT INTO orders VALUES (1, 7, 'PAID', 1000, TIMESTAMP '2026-01-10 12:30:00', 'P1', 10,"
                        + " TIMESTAMP '2026-01-10 12:00:00'),"
                        + " (2, 7, 'CREATED', 500, TIMESTAMP '2026-01-10 12:35:00', NULL, NULL,"
                        + " TIMESTAMP '2026-01-10 12:05:00')",
                "INSERT INTO payment_notification VALUES ('P1', 1, 'APPLIED')");
        exec("mall_coupon",
                "CREATE TABLE user_coupon (id BIGINT PRIMARY KEY, user_id BIGINT, status VARCHAR(16), order_id BIGINT,"
                        + " created_at TIMESTAMP(3), updated_at TIMESTAMP(3))",
                "INSERT INTO user_coupon VALUES (10, 7, 'USED', 1, TIMESTAMP '2026-01-09 12:00:00',"
                        + " TIMESTAMP '2026-01-10 12:00:04')");
        return this;
    }
}

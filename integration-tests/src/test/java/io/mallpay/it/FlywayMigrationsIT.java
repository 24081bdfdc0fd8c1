package io.mallpay.it;

import io.mallpay.it.support.Stack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's Flyway migrations ran on the real MariaDB through MySQL Connector/J: the history
 * table has every version applied successfully, and Seata's own tables exist where the service
 * needs them (undo_log for AT, tcc_fence_log for TCC).
 */
class FlywayMigrationsIT {

    private static final Stack STACK = Stack.get();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "mall_order,     MALL_ORDER_PORT,     1.1",
            "mall_inventory, MALL_INVENTORY_PORT, 1.1",
            "mall_points,    MALL_POINTS_PORT,    1.1;1.2",
            "mall_coupon,    MALL_COUPON_PORT,    1.1",
            "pay_payment,    PAY_PAYMENT_PORT,    1.1;1.2;2",
            "pay_fund,       PAY_FUND_PORT,       1.2;2",
            "pay_accounting, PAY_ACCOUNTING_PORT, 1.1;2",
    })
    void migrationsRanThroughConnectorJ(String database, String portKey, String versions) throws Exception {
        try (Connection c = DriverManager.getConnection(STACK.jdbcUrl(database), "mall", "")) {
            assertThat(c.getMetaData().getDriverName()).isEqualTo("MySQL Connector/J");
            assertThat(c.getMetaData().getDatabaseProductVersion()).contains("MariaDB");

            List<String> applied = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
                while (rs.next()) {
                    assertThat(rs.getBoolean("success")).as("migration %s", rs.getString(1)).isTrue();
                    applied.add(rs.getString("version"));
                }
            }
            assertThat(applied).containsAll(List.of(versions.split(";")));

            assertThat(tableExists(c, database, "undo_log")).isEqualTo(versions.contains("1.1"));
            assertThat(tableExists(c, database, "tcc_fence_log")).isEqualTo(versions.contains("1.2"));
        }
        // The service's own pool is Connector/J too: Boot reports the product name as the driver
        // sees it ("MySQL"; MariaDB's own driver would say "MariaDB").
        var health = Stack.readJson(Stack.get("http://127.0.0.1:" + STACK.port(portKey) + "/actuator/health").body());
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/details/database").asText()).isEqualTo("MySQL");
    }

    private static boolean tableExists(Connection c, String schema, String table) throws Exception {
        try (var ps = c.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}

package io.mallpay.tools.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hot-SKU oversell check, read straight from mall-inventory's database (SELECT only): the
 * SKU's row and its live reservations. {@code oversold} is true when the units reserved plus sold
 * exceed the stock, when {@code available} went negative, when the row's counters disagree with
 * {@code available + reserved + sold = initial_stock + restocked}, or when the storefront
 * answered more orders than the database holds reservations for.
 */
final class InventoryDbChecker implements BenchScenario.HotSkuChecker {

    private final String url;
    private final String user;
    private final String password;

    InventoryDbChecker(Map<String, String> env) {
        this.url = env.getOrDefault("MALL_DB_URL_PREFIX", "jdbc:mysql://127.0.0.1:3306")
                + "/mall_inventory?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=5000";
        this.user = env.getOrDefault("MALL_DB_USERNAME", "mall");
        this.password = env.getOrDefault("MALL_DB_PASSWORD", "");
    }

    @Override
    public Map<String, Object> check(String sku, int stock, long ordersTaken) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement row = c.prepareStatement(
                     "SELECT available, reserved, sold, initial_stock, restocked FROM sku WHERE sku = ?");
             PreparedStatement res = c.prepareStatement(
                     "SELECT COUNT(*) FROM stock_reservation WHERE sku = ? AND status IN ('RESERVED', 'SOLD')")) {
            row.setString(1, sku);
            res.setString(1, sku);
            long available, reserved, sold, initial, restocked, reservations;
            try (ResultSet rs = row.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("hot SKU " + sku + " is not in mall_inventory.sku");
                }
                available = rs.getLong(1);
                reserved = rs.getLong(2);
                sold = rs.getLong(3);
                initial = rs.getLong(4);
                restocked = rs.getLong(5);
            }
            try (ResultSet rs = res.executeQuery()) {
                rs.next();
                reservations = rs.getLong(1);
            }
            return verdict(stock, ordersTaken, available, reserved, sold, initial, restocked, reservations);
        }
    }

    static Map<String, Object> verdict(long stock, long ordersTaken, long available, long reserved, long sold,
                                       long initial, long restocked, long reservations) {
        boolean oversold = reserved + sold > stock || available < 0
                || available + reserved + sold != initial + restocked || ordersTaken > reservations;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("unitsTaken", reserved + sold);
        out.put("available", available);
        out.put("reservations", reservations);
        out.put("oversold", oversold);
        return out;
    }
}

package io.mallpay.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct reads of a service's database (MySQL Connector/J) to check what the APIs claim. */
public final class Db {

    private Db() {
    }

    public static long queryLong(String database, String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(Stack.get().jdbcUrl(database), "mall", "");
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for: " + sql);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static String queryString(String database, String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(Stack.get().jdbcUrl(database), "mall", "");
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A direct write, for tests that corrupt a row on purpose (and repair it). Returns rows changed. */
    public static int update(String database, String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(Stack.get().jdbcUrl(database), "mall", "");
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}

package io.mallpay.tools.check;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Sql} over plain JDBC: one read-only REPEATABLE READ transaction per database, opened on
 * first use and rolled back by {@link #close()}. DATETIME values are read as written ({@code LocalDateTime}), which
 * is UTC because every service pins its session time zone to UTC.
 */
final class JdbcSql implements Sql, AutoCloseable {

    /** Opens a connection to one database by name. */
    interface Connector {
        Connection open(String db) throws SQLException;
    }

    private final Connector connector;
    private final Map<String, Connection> open = new HashMap<>();

    JdbcSql(Connector connector) {
        this.connector = connector;
    }

    /** The stack's MariaDB: {@code prefix} is MALL_DB_URL_PREFIX, e.g. {@code jdbc:mysql://127.0.0.1:3306}. */
    static JdbcSql mariaDb(String prefix, String user, String password) {
        return new JdbcSql(db -> DriverManager.getConnection(
                prefix + "/" + db + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=5000",
                user, password));
    }

    @Override
    public List<Row> query(String db, String select, Object... args) throws SQLException {
        try (PreparedStatement ps = connection(db).prepareStatement(select)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> columns = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        Object v = rs.getObject(c);
                        columns.put(meta.getColumnLabel(c).toLowerCase(),
                                v instanceof Timestamp ts ? ts.toLocalDateTime() : v);
                    }
                    rows.add(new Row(columns));
                }
                return rows;
            }
        }
    }

    private Connection connection(String db) throws SQLException {
        Connection c = open.get(db);
        if (c == null) {
            c = connector.open(db);
            c.setReadOnly(true);
            // one snapshot per database: the queries of a check agree with each other even while
            // the stack keeps writing (across databases no snapshot exists)
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            open.put(db, c);
        }
        return c;
    }

    @Override
    public void close() {
        for (Connection c : open.values()) {
            try {
                c.rollback();
                c.close();
            } catch (SQLException ignored) {
                // closing a read-only connection cannot lose anything
            }
        }
        open.clear();
    }
}

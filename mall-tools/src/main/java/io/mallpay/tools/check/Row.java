package io.mallpay.tools.check;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * One result row by lower-case column label. Numbers come back as whatever the driver chose
 * (SUM over BIGINT is DECIMAL in MariaDB, BIGINT in H2), so the getters normalise them; a
 * missing or NULL number reads as 0 where the checks treat "no ledger rows" as a zero sum.
 */
record Row(Map<String, Object> columns) {

    /** A row from alternating names and values, for tests and small lookups. */
    static Row of(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(((String) keyValues[i]).toLowerCase(), keyValues[i + 1]);
        }
        return new Row(m);
    }

    String str(String column) {
        Object v = columns.get(column);
        return v == null ? null : v.toString();
    }

    /** The number in {@code column}; 0 when NULL. */
    long lng(String column) {
        Object v = columns.get(column);
        if (v == null) {
            return 0;
        }
        if (v instanceof BigDecimal d) {
            return d.longValueExact();
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        return Long.parseLong(v.toString());
    }

    /** The number in {@code column}, or null when NULL. */
    Long lngOrNull(String column) {
        return columns.get(column) == null ? null : lng(column);
    }

    /** A DATETIME column as written (UTC in every database of the stack); null when NULL. */
    LocalDateTime time(String column) {
        Object v = columns.get(column);
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof Timestamp ts) {
            return ts.toLocalDateTime();
        }
        return LocalDateTime.parse(v.toString().replace(' ', 'T'));
    }
}

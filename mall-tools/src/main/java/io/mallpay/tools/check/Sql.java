package io.mallpay.tools.check;

import java.sql.SQLException;
import java.util.List;

/**
 * Read-only access to the stack's databases, one per service ({@code mall_order},
 * {@code pay_payment}, ...). The checks only ever SELECT.
 */
interface Sql {

    /** All rows of {@code select} run in database {@code db} with positional {@code args}. */
    List<Row> query(String db, String select, Object... args) throws SQLException;
}

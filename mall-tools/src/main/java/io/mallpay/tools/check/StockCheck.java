package io.mallpay.tools.check;

import java.sql.SQLException;
import java.util.List;

/**
 * DESIGN.md "Invariants", stock: for every SKU {@code available + reserved + sold = initial_stock +
 * restocked} (restocks are counted in {@code sku.restocked} by mall-inventory's restock endpoint),
 * no counter is negative, {@code reserved} equals the quantity of the SKU's RESERVED
 * {@code stock_reservation} rows and {@code sold} that of its SOLD rows (every reserve, deduct and
 * release moves a reservation with the counters). A reservation of an unknown SKU also fails.
 * Global: always over every SKU.
 */
final class StockCheck {

    static final String NAME = "STOCK";
    static final String DESCRIPTION = "per SKU: available + reserved + sold = initial + restocked, none negative,"
            + " reserved/sold = RESERVED/SOLD stock_reservation quantities";

    private static final String SKUS = """
            SELECT s.sku, s.available, s.reserved, s.sold, s.initial_stock, s.restocked,
                   COALESCE(r.live_reserved, 0) AS live_reserved, COALESCE(r.sold_reserved, 0) AS sold_reserved
            FROM sku s LEFT JOIN (
                SELECT sku, SUM(CASE WHEN status = 'RESERVED' THEN quantity ELSE 0 END) AS live_reserved,
                            SUM(CASE WHEN status = 'SOLD' THEN quantity ELSE 0 END) AS sold_reserved
                FROM stock_reservation GROUP BY sku) r ON r.sku = s.sku
            """;
    private static final String ORPHANS = """
            SELECT r.sku, COUNT(*) AS reservations FROM stock_reservation r
            LEFT JOIN sku s ON s.sku = r.sku WHERE s.sku IS NULL GROUP BY r.sku
            """;

    private StockCheck() {
    }

    static InvariantResult run(CheckContext ctx) throws SQLException {
        return evaluate(ctx.sql().query("mall_inventory", SKUS), ctx.sql().query("mall_inventory", ORPHANS));
    }

    /** {@code skus}: one row per SKU with its reservation sums; {@code orphans}: reservations of unknown SKUs. */
    static InvariantResult evaluate(List<Row> skus, List<Row> orphans) {
        Findings f = new Findings(NAME, DESCRIPTION, "SKUs");
        for (Row r : skus) {
            f.checked();
            long available = r.lng("available");
            long reserved = r.lng("reserved");
            long sold = r.lng("sold");
            long initial = r.lng("initial_stock");
            long restocked = r.lng("restocked");
            Object[] values = {"sku", r.str("sku"), "available", available, "reserved", reserved, "sold", sold,
                    "initial_stock", initial, "restocked", restocked,
                    "live_reservations", r.lng("live_reserved"), "sold_reservations", r.lng("sold_reserved")};
            if (available + reserved + sold != initial + restocked) {
                f.fail("available + reserved + sold != initial + restocked (off by "
                        + (available + reserved + sold - initial - restocked) + ")", values);
            }
            if (available < 0 || reserved < 0 || sold < 0 || initial < 0 || restocked < 0) {
                f.fail("negative stock counter", values);
            }
            if (reserved != r.lng("live_reserved")) {
                f.fail("reserved != sum of RESERVED reservations", values);
            }
            if (sold != r.lng("sold_reserved")) {
                f.fail("sold != sum of SOLD reservations", values);
            }
        }
        for (Row o : orphans) {
            f.fail("reservations of an unknown SKU", "sku", o.str("sku"), "reservations", o.lng("reservations"));
        }
        return f.result();
    }
}

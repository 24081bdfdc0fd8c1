package io.mallpay.inventory.stock;

import io.mallpay.common.web.ApiException;
import io.mallpay.inventory.api.InventoryClient.StockLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reserve, deduct and release an order's stock (quantities in units). Each method is one local
 * transaction; when the request carries a Seata XID the Seata DataSource proxy makes it an AT
 * branch of the caller's global transaction, so there is deliberately no
 * {@code @GlobalTransactional} here. Every method is idempotent on the order id, remembered in
 * {@code stock_reservation}. A rejection is an {@link ApiException}, which also rolls back the
 * local transaction: an order's lines move all together or not at all.
 */
@Service
public class StockService {

    private static final Logger log = LoggerFactory.getLogger(StockService.class);

    private final StockMapper stock;
    private final StockReservationMapper reservations;

    public StockService(StockMapper stock, StockReservationMapper reservations) {
        this.stock = stock;
        this.reservations = reservations;
    }

    /**
     * Moves each line's quantity from available to reserved for {@code orderId}. A second call for
     * an order that already has reservations (in any state) is a no-op. Errors: 400
     * {@code BAD_QUANTITY} (a quantity below 1, a SKU listed twice, a missing line), 400
     * {@code VALIDATION_FAILED} (order id below 1), 404 {@code UNKNOWN_SKU}, 409
     * {@code OUT_OF_STOCK} (detail names the SKU, the units available and requested), 409
     * {@code CONCURRENT_UPDATE} (another reserve of the same order is committing right now).
     */
    @Transactional
    public void reserve(long orderId, List<StockLine> lines) {
        requireOrderId(orderId);
        List<StockLine> sorted = checkedAndSorted(lines);
        if (reservations.countByOrder(orderId) > 0) {
            log.info("order {} already reserved its stock: no-op", orderId);
            return;
        }
        // SKU order is the lock order: two orders sharing SKUs then wait for each other instead of
        // deadlocking in InnoDB, and their Seata global locks are checked in the same order too.
        stock.lockSkus(sorted.stream().map(StockLine::sku).toList());
        for (StockLine line : sorted) {
            if (stock.reserve(line.sku(), line.quantity()) == 0) {
                throw refusal(line);
            }
            record(new StockReservation(orderId, line.sku(), line.quantity(), ReservationStatus.RESERVED));
        }
        log.info("order {} reserved {} line(s)", orderId, sorted.size());
    }

    /**
     * The order was paid: its RESERVED units become sold. Already sold is a no-op. Errors: 404
     * {@code NO_RESERVATION} (the order reserved nothing), 409 {@code RESERVATION_RELEASED} (the
     * order was cancelled first; nothing is sold).
     */
    @Transactional
    public void deduct(long orderId) {
        List<StockReservation> rows = reservations.lockByOrder(orderId);
        if (rows.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "NO_RESERVATION", "order " + orderId + " reserved no stock");
        }
        lockSkusOf(rows);
        if (rows.stream().anyMatch(r -> r.getStatus() == ReservationStatus.RELEASED)) {
            throw new ApiException(HttpStatus.CONFLICT, "RESERVATION_RELEASED",
                    "order " + orderId + " released its stock already; it cannot be sold");
        }
        int moved = 0;
        for (StockReservation r : rows) {
            if (r.getStatus() == ReservationStatus.RESERVED) {
                move(stock.sell(r.getSku(), r.getQuantity()), r, ReservationStatus.SOLD);
                moved++;
            }
        }
        log.info("order {}: {} line(s) reserved → sold ({} already sold)", orderId, moved, rows.size() - moved);
    }

    /**
     * The order was cancelled: its RESERVED units become available again. Already released, or
     * nothing reserved at all (the checkout never got this far), is a no-op. Error: 409
     * {@code RESERVATION_SOLD} (the order was paid; sold stock is not silently returned).
     */
    @Transactional
    public void release(long orderId) {
        List<StockReservation> rows = reservations.lockByOrder(orderId);
        if (rows.stream().anyMatch(r -> r.getStatus() == ReservationStatus.SOLD)) {
            throw new ApiException(HttpStatus.CONFLICT, "RESERVATION_SOLD",
                    "order " + orderId + " has sold stock; it cannot be released");
        }
        lockSkusOf(rows);
        int moved = 0;
        for (StockReservation r : rows) {
            if (r.getStatus() == ReservationStatus.RESERVED) {
                move(stock.unreserve(r.getSku(), r.getQuantity()), r, ReservationStatus.RELEASED);
                moved++;
            }
        }
        log.info("order {}: {} line(s) reserved → available ({} row(s) in total)", orderId, moved, rows.size());
    }

    /** {@link StockMapper#lockSkus} for the reserved lines about to move; nothing when none is RESERVED. */
    private void lockSkusOf(List<StockReservation> rows) {
        List<String> skus = rows.stream().filter(r -> r.getStatus() == ReservationStatus.RESERVED)
                .map(StockReservation::getSku).sorted().toList();
        if (!skus.isEmpty()) {
            stock.lockSkus(skus);
        }
    }

    private static void requireOrderId(long orderId) {
        // A body without orderId binds to 0; accepting it would make every such order share one key.
        if (orderId < 1) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "orderId must be ≥ 1, was " + orderId);
        }
    }

    private static List<StockLine> checkedAndSorted(List<StockLine> lines) {
        Set<String> seen = new HashSet<>();
        for (StockLine line : lines) {
            if (line == null || line.sku() == null) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_QUANTITY", "a line without a SKU");
            }
            if (line.quantity() < 1) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_QUANTITY",
                        "sku " + line.sku() + ": quantity must be ≥ 1, was " + line.quantity());
            }
            if (!seen.add(line.sku())) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_QUANTITY",
                        "sku " + line.sku() + " appears on more than one line");
            }
        }
        return lines.stream().sorted(Comparator.comparing(StockLine::sku)).toList();
    }

    private ApiException refusal(StockLine line) {
        Integer available = stock.available(line.sku());
        if (available == null) {
            return new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_SKU", "no SKU " + line.sku() + " in the catalogue");
        }
        return new ApiException(HttpStatus.CONFLICT, "OUT_OF_STOCK", "sku " + line.sku() + ": "
                + available + " available, " + line.quantity() + " requested");
    }

    private void record(StockReservation reservation) {
        try {
            reservations.insert(reservation);
        } catch (DuplicateKeyException e) {
            throw new ApiException(HttpStatus.CONFLICT, "CONCURRENT_UPDATE", "order " + reservation.getOrderId()
                    + " is being reserved by another request at the same time");
        }
    }

    private void move(int skuRowsMoved, StockReservation r, ReservationStatus to) {
        // The reservation row is locked and RESERVED, so both updates must hit exactly one row; if
        // not, the counters disagree with the reservations and nothing may be changed.
        if (skuRowsMoved != 1
                || reservations.transition(r.getOrderId(), r.getSku(), ReservationStatus.RESERVED, to) != 1) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "STOCK_INCONSISTENT", "order " + r.getOrderId()
                    + ", sku " + r.getSku() + ": reserved units do not match the reservation of " + r.getQuantity());
        }
    }
}

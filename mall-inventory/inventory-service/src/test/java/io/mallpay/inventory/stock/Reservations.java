package io.mallpay.inventory.stock;

import io.mallpay.inventory.api.InventoryClient.StockLine;
import io.mallpay.inventory.api.InventoryClient.StockReserveRequest;

import java.util.List;

/** Object Mother for stock tests: real SKU codes of the sample data, readable quantities. */
final class Reservations {

    static final long ORDER = 1001L;
    static final String HEART_HOLDER = "85123A";
    static final String LANTERN = "71053";
    static final String BOTTLE = "84029G";

    private Reservations() {
    }

    static StockLine line(String sku, int quantity) {
        return new StockLine(sku, quantity);
    }

    static StockReserveRequest request(long orderId, StockLine... lines) {
        return new StockReserveRequest(orderId, List.of(lines));
    }

    static StockReservation row(String sku, int quantity, ReservationStatus status) {
        return new StockReservation(ORDER, sku, quantity, status);
    }
}

package io.mallpay.inventory.stock;

/**
 * Life of one order's reservation of one SKU. Moves only forward: RESERVED to SOLD (the order was
 * paid) or RESERVED to RELEASED (the order was cancelled); SOLD and RELEASED are final.
 */
public enum ReservationStatus {
    RESERVED, SOLD, RELEASED
}

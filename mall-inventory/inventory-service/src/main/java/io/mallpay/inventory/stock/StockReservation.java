package io.mallpay.inventory.stock;

import java.time.LocalDateTime;

/**
 * A row of {@code stock_reservation}: {@code quantity} units of {@code sku} held for
 * {@code orderId}. The row is the durable memory that makes reserve, deduct and release idempotent
 * per order. Primary key (orderId, sku). Never leaves the service.
 */
public class StockReservation {

    private long orderId;
    private String sku;
    private int quantity;
    private ReservationStatus status;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    public StockReservation() {
    }

    public StockReservation(long orderId, String sku, int quantity, ReservationStatus status) {
        this.orderId = orderId;
        this.sku = sku;
        this.quantity = quantity;
        this.status = status;
    }

    public long getOrderId() {
        return orderId;
    }

    public void setOrderId(long orderId) {
        this.orderId = orderId;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public ReservationStatus getStatus() {
        return status;
    }

    public void setStatus(ReservationStatus status) {
        this.status = status;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}

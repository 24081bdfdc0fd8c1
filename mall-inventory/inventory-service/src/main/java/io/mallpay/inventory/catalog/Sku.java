package io.mallpay.inventory.catalog;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.LocalDateTime;

/**
 * A row of {@code sku}: one product and its stock counters, all in units. {@code priceCents} is the
 * catalogue unit price in minor units (pence). The counters always satisfy
 * {@code available + reserved + sold = initialStock + restocked}, each ≥ 0; only the conditional
 * updates of {@code StockMapper} move them. Never leaves the service.
 */
@TableName("sku")
public class Sku {

    @TableId(value = "sku", type = IdType.INPUT)
    private String sku;
    private String name;
    private long priceCents;
    private int available;
    private int reserved;
    private int sold;
    private int initialStock;
    private int restocked;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    /** A SKU entering the catalogue: all of its initial stock is available, nothing reserved or sold. */
    public static Sku newInCatalogue(String sku, String name, long priceCents, int initialStock) {
        Sku s = new Sku();
        s.sku = sku;
        s.name = name;
        s.priceCents = priceCents;
        s.available = initialStock;
        s.initialStock = initialStock;
        return s;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public long getPriceCents() {
        return priceCents;
    }

    public void setPriceCents(long priceCents) {
        this.priceCents = priceCents;
    }

    public int getAvailable() {
        return available;
    }

    public void setAvailable(int available) {
        this.available = available;
    }

    public int getReserved() {
        return reserved;
    }

    public void setReserved(int reserved) {
        this.reserved = reserved;
    }

    public int getSold() {
        return sold;
    }

    public void setSold(int sold) {
        this.sold = sold;
    }

    public int getInitialStock() {
        return initialStock;
    }

    public void setInitialStock(int initialStock) {
        this.initialStock = initialStock;
    }

    public int getRestocked() {
        return restocked;
    }

    public void setRestocked(int restocked) {
        this.restocked = restocked;
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

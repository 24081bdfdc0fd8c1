package io.mallpay.inventory.catalog;

/**
 * A product as the storefront shows it (public contract).
 *
 * @param priceCents unit price in minor units (pence)
 * @param available  units that can still be bought right now
 */
public record ProductResponse(String sku, String name, long priceCents, int available) {

    static ProductResponse of(Sku s) {
        return new ProductResponse(s.getSku(), s.getName(), s.getPriceCents(), s.getAvailable());
    }
}

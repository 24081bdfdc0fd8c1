package io.mallpay.inventory.catalog;

import io.mallpay.inventory.api.InventoryClient.CatalogItem;

/** Object Mother for catalogue tests: SKUs of the sample data with their usual prices (pence). */
final class Catalogue {

    private Catalogue() {
    }

    static Sku heartHolder(int available) {
        return stocked("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 255, available);
    }

    static Sku lantern(int available) {
        return stocked("71053", "WHITE METAL LANTERN", 339, available);
    }

    static Sku stocked(String sku, String name, long priceCents, int available) {
        return Sku.newInCatalogue(sku, name, priceCents, available);
    }

    static CatalogItem item(String sku, int initialStock) {
        return new CatalogItem(sku, "product " + sku, 199, initialStock);
    }
}

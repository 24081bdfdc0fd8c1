package io.mallpay.inventory.api;

import jakarta.validation.Valid;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import java.util.List;

/**
 * Internal contract of {@code mall-inventory}, called through Nacos discovery. The stock
 * operations are Seata AT branches: called inside a global transaction (the XID travels with the
 * Feign request) their writes are undone if the global transaction rolls back. Each is idempotent
 * on the order id. Errors arrive as problem+json and are raised by the caller's Feign error decoder
 * as exceptions carrying the stable code:
 * {@code UNKNOWN_SKU} (404), {@code OUT_OF_STOCK} (409), {@code BAD_QUANTITY} (400),
 * {@code NO_RESERVATION} (404), {@code RESERVATION_RELEASED} / {@code RESERVATION_SOLD} (409, deduct
 * after release or release after deduct), {@code CONCURRENT_UPDATE} (409, the same order reserved
 * twice at once), {@code GLOBAL_LOCK_BUSY} (503, another global transaction kept the SKU row for
 * ~3 s), {@code STOCK_INCONSISTENT} (500, counters and reservations disagree: never expected).
 */
@FeignClient(name = InventoryApi.SERVICE, contextId = "inventoryClient")
public interface InventoryClient {

    /** Catalogue facts for the given SKUs, in request order; unknown SKUs are absent. */
    @PostMapping("/internal/skus/lookup")
    List<SkuView> lookup(@RequestBody @Valid SkuLookupRequest request);

    /**
     * Moves each line's quantity from available to reserved (AT branch). All lines or none:
     * {@code OUT_OF_STOCK} when any line cannot be covered. A second call for the same order is
     * a no-op.
     */
    @PostMapping("/internal/stock/reservations")
    void reserve(@RequestBody @Valid StockReserveRequest request);

    /** The order was paid: its reserved quantities become sold (AT branch). Idempotent. */
    @PostMapping("/internal/stock/reservations/{orderId}/deduct")
    void deduct(@PathVariable("orderId") long orderId);

    /**
     * The order was cancelled: its reserved quantities become available again (AT branch).
     * Idempotent; releasing an order that reserved nothing is a no-op.
     */
    @PostMapping("/internal/stock/reservations/{orderId}/release")
    void release(@PathVariable("orderId") long orderId);

    /**
     * Adds SKUs to the catalogue with their initial stock. Idempotent: a SKU that already exists
     * is left untouched (its stock is never reset) and counted as unchanged.
     */
    @PostMapping("/internal/catalog/import")
    CatalogImportResponse importCatalog(@RequestBody @Valid CatalogImportRequest request);

    /**
     * Operator restock: adds units to a SKU's available stock (and to its restocked total). Runs
     * outside any global transaction, under {@code @GlobalLock}: while a global transaction still
     * holds the SKU row it waits (up to ~25 s) instead of writing under it, so that transaction's
     * rollback stays possible. Not idempotent: each call adds. Errors: {@code UNKNOWN_SKU} (404),
     * {@code GLOBAL_LOCK_BUSY} (503) when the row stayed locked.
     */
    @PostMapping("/internal/stock/{sku}/restock")
    SkuView restock(@PathVariable("sku") String sku, @RequestBody @Valid RestockRequest request);

    /** @param quantity units to add, 1..1,000,000 */
    record RestockRequest(@jakarta.validation.constraints.Min(1)
                          @jakarta.validation.constraints.Max(1_000_000) int quantity) {
    }

    /** @param skus 1..500 SKU codes */
    record SkuLookupRequest(@jakarta.validation.constraints.NotEmpty
                            @jakarta.validation.constraints.Size(max = 500) List<String> skus) {
    }

    /**
     * @param sku         the SKU code (the dataset's StockCode)
     * @param name        product name
     * @param priceCents  catalogue unit price in minor units (pence)
     * @param available   units that can still be reserved
     */
    record SkuView(String sku, String name, long priceCents, int available) {
    }

    /** @param lines one line per SKU (no duplicates), quantity ≥ 1 */
    record StockReserveRequest(@jakarta.validation.constraints.Positive long orderId,
                               @jakarta.validation.constraints.NotEmpty List<@Valid StockLine> lines) {
    }

    record StockLine(@jakarta.validation.constraints.NotBlank String sku,
                     @jakarta.validation.constraints.Min(1) int quantity) {
    }

    record CatalogImportRequest(@jakarta.validation.constraints.NotEmpty
                                @jakarta.validation.constraints.Size(max = 2000) List<@Valid CatalogItem> items) {
    }

    /**
     * @param priceCents   unit price in minor units, ≥ 1
     * @param initialStock units on hand when the SKU enters the catalogue, ≥ 0
     */
    record CatalogItem(@jakarta.validation.constraints.NotBlank
                       @jakarta.validation.constraints.Size(max = 32) String sku,
                       @jakarta.validation.constraints.NotBlank
                       @jakarta.validation.constraints.Size(max = 255) String name,
                       @jakarta.validation.constraints.Min(1) long priceCents,
                       @jakarta.validation.constraints.Min(0) int initialStock) {
    }

    /** @param inserted new SKUs; @param unchanged SKUs that already existed */
    record CatalogImportResponse(int inserted, int unchanged) {
    }
}

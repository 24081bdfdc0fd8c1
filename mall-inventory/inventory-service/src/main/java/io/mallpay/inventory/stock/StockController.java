package io.mallpay.inventory.stock;

import io.mallpay.common.tx.GlobalLockRetry;
import io.mallpay.inventory.api.InventoryClient;
import io.mallpay.inventory.api.InventoryClient.StockReserveRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal stock endpoints of {@link InventoryClient} (same paths and bodies; the interface is not
 * implemented because its {@code @FeignClient} must not become a server-side bean). Each call is an
 * AT branch of the caller's global transaction when the Seata XID header is present, and is
 * idempotent on the order id. Answers 200 with no body on success, problem+json otherwise.
 */
@Tag(name = "Internal: stock", description = "Service-to-service AT branches; not for storefront clients")
@RestController
@RequestMapping("/internal/stock/reservations")
public class StockController {

    /**
     * SKU rows are the mall's hot rows: a branch that meets another global transaction's lock on
     * one is re-run in a fresh local transaction, up to 100 times about 30 ms apart (~3 s).
     */
    private static final int LOCK_TRIES = 100;
    private static final long LOCK_PAUSE_MILLIS = 30;

    private final StockService stock;

    public StockController(StockService stock) {
        this.stock = stock;
    }

    /** See {@link InventoryClient#reserve} and {@link StockService#reserve} for the error codes. */
    @PostMapping
    public void reserve(@RequestBody @Valid StockReserveRequest request) {
        GlobalLockRetry.run(() -> stock.reserve(request.orderId(), request.lines()), LOCK_TRIES, LOCK_PAUSE_MILLIS);
    }

    /** See {@link InventoryClient#deduct} and {@link StockService#deduct}. */
    @PostMapping("/{orderId}/deduct")
    public void deduct(@PathVariable("orderId") long orderId) {
        GlobalLockRetry.run(() -> stock.deduct(orderId), LOCK_TRIES, LOCK_PAUSE_MILLIS);
    }

    /** See {@link InventoryClient#release} and {@link StockService#release}. */
    @PostMapping("/{orderId}/release")
    public void release(@PathVariable("orderId") long orderId) {
        GlobalLockRetry.run(() -> stock.release(orderId), LOCK_TRIES, LOCK_PAUSE_MILLIS);
    }
}

package io.mallpay.inventory.stock;

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

    private final StockService stock;

    public StockController(StockService stock) {
        this.stock = stock;
    }

    /** See {@link InventoryClient#reserve} and {@link StockService#reserve} for the error codes. */
    @PostMapping
    public void reserve(@RequestBody @Valid StockReserveRequest request) {
        stock.reserve(request.orderId(), request.lines());
    }

    /** See {@link InventoryClient#deduct} and {@link StockService#deduct}. */
    @PostMapping("/{orderId}/deduct")
    public void deduct(@PathVariable("orderId") long orderId) {
        stock.deduct(orderId);
    }

    /** See {@link InventoryClient#release} and {@link StockService#release}. */
    @PostMapping("/{orderId}/release")
    public void release(@PathVariable("orderId") long orderId) {
        stock.release(orderId);
    }
}

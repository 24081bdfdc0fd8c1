package io.mallpay.inventory.restock;

import io.mallpay.common.tx.GlobalLockRetry;
import io.mallpay.inventory.api.InventoryClient;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operator restock ({@link InventoryClient#restock}). */
@Tag(name = "Internal: stock")
@RestController
public class RestockController {

    /** An operator can wait: up to 100 tries about 250 ms apart (~25 s) for a global lock. */
    private static final int TRIES = 100;
    private static final long PAUSE_MILLIS = 250;

    private final RestockService restock;

    public RestockController(RestockService restock) {
        this.restock = restock;
    }

    @PostMapping("/internal/stock/{sku}/restock")
    public InventoryClient.SkuView restock(@PathVariable("sku") String sku,
                                           @RequestBody @Valid InventoryClient.RestockRequest request) {
        return GlobalLockRetry.run(() -> restock.restock(sku, request.quantity()), TRIES, PAUSE_MILLIS);
    }
}

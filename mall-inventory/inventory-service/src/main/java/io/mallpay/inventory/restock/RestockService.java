package io.mallpay.inventory.restock;

import io.mallpay.common.web.ApiException;
import io.mallpay.inventory.api.InventoryClient.SkuView;
import io.mallpay.inventory.catalog.Sku;
import org.apache.seata.spring.annotation.GlobalLock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A write to the AT-managed {@code sku} table from outside any global transaction (DESIGN.md: a
 * scheduler, a consumer, an operator). {@code @GlobalLock} with {@code SELECT … FOR UPDATE} makes
 * it wait while an in-flight global transaction holds the row; writing under it instead would make
 * that transaction's after-image stale, and Seata would refuse its rollback ("dirty undo") and
 * retry it forever.
 */
@Service
public class RestockService {

    private final RestockMapper mapper;

    public RestockService(RestockMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param quantity units to add, ≥ 1
     * @return the SKU after the restock
     * @throws ApiException UNKNOWN_SKU (404); a Seata LockConflictException while a global
     *                      transaction holds the row (the controller retries it)
     */
    @GlobalLock
    @Transactional
    public SkuView restock(String sku, int quantity) {
        Sku row = mapper.selectForUpdate(sku);
        if (row == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_SKU", "unknown sku: " + sku);
        }
        mapper.restock(sku, quantity);
        return new SkuView(row.getSku(), row.getName(), row.getPriceCents(), row.getAvailable() + quantity);
    }
}

package io.mallpay.inventory.catalog;

import io.mallpay.inventory.api.InventoryClient;
import io.mallpay.inventory.api.InventoryClient.CatalogImportRequest;
import io.mallpay.inventory.api.InventoryClient.CatalogImportResponse;
import io.mallpay.inventory.api.InventoryClient.SkuLookupRequest;
import io.mallpay.inventory.api.InventoryClient.SkuView;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Internal catalogue endpoints of {@link InventoryClient} (same paths and bodies; the interface is
 * not implemented because its {@code @FeignClient} must not become a server-side bean). Called by
 * other services and the data loader, not by storefront clients.
 */
@Tag(name = "Internal: catalogue", description = "Service-to-service; not for storefront clients")
@RestController
public class CatalogController {

    private final CatalogService catalog;

    public CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** See {@link InventoryClient#lookup}: request order, unknown SKUs absent. */
    @PostMapping("/internal/skus/lookup")
    public List<SkuView> lookup(@RequestBody @Valid SkuLookupRequest request) {
        return catalog.lookup(request.skus());
    }

    /** See {@link InventoryClient#importCatalog}: new SKUs inserted, existing ones untouched. */
    @PostMapping("/internal/catalog/import")
    public CatalogImportResponse importCatalog(@RequestBody @Valid CatalogImportRequest request) {
        return catalog.importCatalog(request.items());
    }
}

package io.mallpay.inventory.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Storefront catalogue (public contract): browse products and their available units. Prices are
 * unit prices in minor units (pence). Read-only, so any number of retries is harmless.
 */
@Tag(name = "Products", description = "Browse the catalogue and the units available to buy")
@Validated
@RestController
@RequestMapping("/api/products")
public class ProductController {

    /** Why a cap: one request must not be able to make the service read the whole catalogue. */
    static final int MAX_PAGE_SIZE = 200;

    private final CatalogService catalog;

    public ProductController(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** One page ordered by SKU; 400 {@code VALIDATION_FAILED} for page < 0 or size outside 1..200. */
    @Operation(summary = "List products, ordered by SKU",
            description = "A page past the end is empty. `total` counts the whole catalogue.")
    @ApiResponse(responseCode = "200", description = "The page")
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: page < 0 or size outside 1..200")
    @GetMapping
    public ProductPageResponse list(
            @Parameter(description = "zero-based page number") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "products per page, 1..200") @RequestParam(defaultValue = "20")
            @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return catalog.page(page, size);
    }

    /** One product; 404 {@code UNKNOWN_SKU} when there is none. */
    @Operation(summary = "Get one product")
    @ApiResponse(responseCode = "200", description = "The product")
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_SKU`: no such SKU in the catalogue")
    @GetMapping("/{sku}")
    public ProductResponse get(@Parameter(description = "SKU code") @PathVariable String sku) {
        return catalog.product(sku);
    }
}

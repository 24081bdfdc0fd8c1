package io.mallpay.inventory.catalog;

import java.util.List;

/**
 * One page of the storefront catalogue, ordered by SKU (public contract).
 *
 * @param page  zero-based page number that was asked for
 * @param size  page size that was asked for; {@code items} holds fewer on the last page
 * @param total number of SKUs in the whole catalogue
 */
public record ProductPageResponse(List<ProductResponse> items, int page, int size, long total) {
}

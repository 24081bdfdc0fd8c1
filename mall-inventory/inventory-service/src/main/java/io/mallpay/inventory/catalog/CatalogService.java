package io.mallpay.inventory.catalog;

import io.mallpay.common.web.ApiException;
import io.mallpay.inventory.api.InventoryClient.CatalogImportResponse;
import io.mallpay.inventory.api.InventoryClient.CatalogItem;
import io.mallpay.inventory.api.InventoryClient.SkuView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue: what SKUs exist, their prices (minor units) and available units. Adding SKUs never
 * touches the stock of an existing one, so an import can be replayed at any time.
 */
@Service
public class CatalogService {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    /** Keeps each multi-row INSERT well under the server's packet and placeholder limits. */
    static final int INSERT_CHUNK = 500;

    private final SkuMapper skus;

    public CatalogService(SkuMapper skus) {
        this.skus = skus;
    }

    /**
     * Catalogue facts of the given SKUs in request order (a SKU asked twice appears once); unknown
     * SKUs are left out rather than rejected, the caller decides what a missing one means.
     */
    @Transactional(readOnly = true)
    public List<SkuView> lookup(List<String> requested) {
        Set<String> wanted = requested.stream().filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<String, Sku> found = skus.selectBatchIds(wanted).stream()
                .collect(Collectors.toMap(Sku::getSku, Function.identity()));
        return wanted.stream().map(found::get).filter(Objects::nonNull)
                .map(s -> new SkuView(s.getSku(), s.getName(), s.getPriceCents(), s.getAvailable()))
                .toList();
    }

    /**
     * Inserts the SKUs that do not exist yet with all their initial stock available; existing SKUs
     * are left untouched (stock never reset) and counted as unchanged. A SKU listed twice counts
     * once, its first occurrence wins. Idempotent. A concurrent import inserting the same SKU makes
     * this one roll back with 409 {@code CONCURRENT_UPDATE}; retrying it is safe.
     */
    @Transactional
    public CatalogImportResponse importCatalog(List<CatalogItem> items) {
        Map<String, CatalogItem> distinct = new LinkedHashMap<>();
        items.stream().filter(Objects::nonNull).forEach(i -> distinct.putIfAbsent(i.sku(), i));
        Set<String> existing = skus.selectBatchIds(distinct.keySet()).stream()
                .map(Sku::getSku).collect(Collectors.toSet());
        List<Sku> fresh = distinct.values().stream()
                .filter(i -> !existing.contains(i.sku()))
                .sorted(Comparator.comparing(CatalogItem::sku))
                .map(i -> Sku.newInCatalogue(i.sku(), i.name(), i.priceCents(), i.initialStock()))
                .toList();
        for (int from = 0; from < fresh.size(); from += INSERT_CHUNK) {
            insertChunk(new ArrayList<>(fresh.subList(from, Math.min(from + INSERT_CHUNK, fresh.size()))));
        }
        log.info("catalog import: {} inserted, {} unchanged", fresh.size(), existing.size());
        return new CatalogImportResponse(fresh.size(), distinct.size() - fresh.size());
    }

    private void insertChunk(List<Sku> chunk) {
        try {
            skus.insertAll(chunk);
        } catch (DuplicateKeyException e) {
            throw new ApiException(HttpStatus.CONFLICT, "CONCURRENT_UPDATE",
                    "another import added some of these SKUs at the same time; retry the import");
        }
    }

    /**
     * One storefront page ordered by SKU. {@code page} is zero-based; callers validate
     * {@code page ≥ 0} and {@code 1 ≤ size ≤ 200}. A page past the end is empty, not an error.
     */
    @Transactional(readOnly = true)
    public ProductPageResponse page(int page, int size) {
        long total = skus.countAll();
        long offset = (long) page * size;
        List<ProductResponse> items = offset >= total ? List.of()
                : skus.findPage(offset, size).stream().map(ProductResponse::of).toList();
        return new ProductPageResponse(items, page, size, total);
    }

    /** One product; 404 {@code UNKNOWN_SKU} when the catalogue has no such SKU. */
    @Transactional(readOnly = true)
    public ProductResponse product(String sku) {
        Sku s = skus.selectById(sku);
        if (s == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_SKU", "no SKU " + sku + " in the catalogue");
        }
        return ProductResponse.of(s);
    }
}

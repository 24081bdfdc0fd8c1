package io.mallpay.tools;

import io.mallpay.coupon.api.CouponClient;
import io.mallpay.inventory.api.InventoryClient;
import io.mallpay.points.api.PointsClient;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./mall import [--file CSV] [--seed N]}: loads a retail file's SKUs, customers (points
 * accounts) and seeded coupons into the running services through their import endpoints.
 * Idempotent: importing the same file again inserts nothing and changes no stock or balance.
 * Prints, and returns as a map, what was loaded and what was skipped by reason.
 */
public final class ImportCommand {

    private static final int BATCH = 1000;

    private ImportCommand() {
    }

    public static Map<String, Object> run(StackClient stack, Path file, long seed) throws IOException, InterruptedException {
        RetailDataset data;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            data = RetailDataset.read(r);
        }
        int skuInserted = 0, skuUnchanged = 0;
        List<InventoryClient.CatalogItem> items = data.skus.values().stream()
                .map(s -> new InventoryClient.CatalogItem(s.sku(), s.name(), s.priceCents(), s.initialStock())).toList();
        for (List<InventoryClient.CatalogItem> batch : batches(items)) {
            var r = stack.post(stack.baseUrl("MALL_INVENTORY_PORT") + "/internal/catalog/import",
                    new InventoryClient.CatalogImportRequest(batch), InventoryClient.CatalogImportResponse.class);
            skuInserted += r.inserted();
            skuUnchanged += r.unchanged();
        }
        int userInserted = 0, userUnchanged = 0;
        for (List<PointsClient.UserAccount> batch : batches(SeededGrants.accounts(seed, data.customers))) {
            var r = stack.post(stack.baseUrl("MALL_POINTS_PORT") + "/internal/users/import",
                    new PointsClient.UserImportRequest(batch), PointsClient.UserImportResponse.class);
            userInserted += r.inserted();
            userUnchanged += r.unchanged();
        }
        int couponInserted = 0, couponUnchanged = 0;
        for (List<CouponClient.CouponGrant> batch : batches(SeededGrants.coupons(seed, data.customers))) {
            var r = stack.post(stack.baseUrl("MALL_COUPON_PORT") + "/internal/coupons/import",
                    new CouponClient.CouponImportRequest(batch), CouponClient.CouponImportResponse.class);
            couponInserted += r.inserted();
            couponUnchanged += r.unchanged();
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", file.toString());
        report.put("seed", seed);
        report.put("skus", Map.of("inserted", skuInserted, "unchanged", skuUnchanged, "skipped", data.skippedSkus));
        report.put("users", Map.of("inserted", userInserted, "unchanged", userUnchanged));
        report.put("coupons", Map.of("inserted", couponInserted, "unchanged", couponUnchanged));
        report.put("lines", data.lineCounts);
        return report;
    }

    private static <T> List<List<T>> batches(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            out.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        }
        return out;
    }
}

package io.mallpay.tools;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a file in the UCI "Online Retail" format (../shared/data/online-retail/: InvoiceNo,
 * StockCode, Description, Quantity, InvoiceDate, UnitPrice in pounds, CustomerID, Country) and
 * derives what the mall needs from it, by documented, deterministic rules:
 *
 * <ul>
 *   <li><b>SKUs</b>: every StockCode except the non-product codes {@link #NON_PRODUCT_CODES} and
 *   {@code gift_*} vouchers. Name = the most frequent non-empty Description. Price = the most
 *   frequent positive UnitPrice on sale lines (ties: the lower), converted to pence exactly.
 *   Initial stock = ceil(1.5 × units sold in the file), at least 10, so a replay of the same file
 *   mostly finds stock. A SKU with no positive price on any sale line is skipped (NO_PRICE).</li>
 *   <li><b>Users</b>: every CustomerID; lines without one are guest lines.</li>
 * </ul>
 * Line-level counts explain what was not used: cancellations (InvoiceNo C…), adjustments (A…),
 * non-product codes, non-positive prices, non-positive quantities on sales, empty descriptions.
 */
public final class RetailDataset {

    /** Postage, fees, manual adjustments, samples and discounts in the dataset: not products. */
    public static final Set<String> NON_PRODUCT_CODES = Set.of(
            "POST", "DOT", "M", "S", "C2", "D", "B", "CRUK", "PADS", "AMAZONFEE", "BANK CHARGES");

    /** @param priceCents catalogue price in pence; @param initialStock units */
    public record Sku(String sku, String name, long priceCents, int initialStock) {
    }

    public final Map<String, Sku> skus = new TreeMap<>();
    public final Set<Long> customers = new java.util.TreeSet<>();
    /** Line counts by reason (what was set aside, and how many lines were usable sales). */
    public final Map<String, Integer> lineCounts = new TreeMap<>();
    public final Map<String, Integer> skippedSkus = new TreeMap<>();

    public static boolean isProduct(String stockCode) {
        String c = stockCode.trim();
        return !c.isEmpty() && !NON_PRODUCT_CODES.contains(c.toUpperCase(Locale.ROOT))
                && !c.toLowerCase(Locale.ROOT).startsWith("gift_");
    }

    public static RetailDataset read(Reader csv) throws IOException {
        RetailDataset d = new RetailDataset();
        Map<String, Map<String, Integer>> names = new HashMap<>();
        Map<String, Map<Long, Integer>> prices = new HashMap<>();
        Map<String, Long> unitsSold = new HashMap<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = new CsvMapper()
                .readerFor(Map.class).with(schema).readValues(csv)) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                String invoice = row.getOrDefault("InvoiceNo", "").trim();
                String code = row.getOrDefault("StockCode", "").trim();
                String customer = row.getOrDefault("CustomerID", "").trim();
                if (!customer.isEmpty()) {
                    d.customers.add(Long.parseLong(customer));
                } else {
                    d.count("guest_line");
                }
                if (invoice.startsWith("C")) {
                    d.count("cancellation_line");
                    continue;
                }
                if (invoice.startsWith("A")) {
                    d.count("adjustment_line");
                    continue;
                }
                if (!isProduct(code)) {
                    d.count("non_product_line");
                    continue;
                }
                String desc = row.getOrDefault("Description", "").trim();
                if (desc.isEmpty()) {
                    d.count("empty_description_line");
                } else {
                    names.computeIfAbsent(code, k -> new HashMap<>()).merge(desc, 1, Integer::sum);
                }
                int qty = Integer.parseInt(row.getOrDefault("Quantity", "0").trim());
                BigDecimal price = new BigDecimal(row.getOrDefault("UnitPrice", "0").trim());
                if (qty <= 0) {
                    d.count("non_positive_quantity_line");
                    continue;
                }
                if (price.signum() <= 0) {
                    d.count("non_positive_price_line");
                    continue;
                }
                long pence = price.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
                prices.computeIfAbsent(code, k -> new HashMap<>()).merge(pence, 1, Integer::sum);
                unitsSold.merge(code, (long) qty, Long::sum);
                d.count("sale_line");
            }
        }
        for (String code : names.keySet().isEmpty() ? prices.keySet() : union(names.keySet(), prices.keySet())) {
            Map<Long, Integer> p = prices.get(code);
            if (p == null || p.isEmpty()) {
                d.skippedSkus.merge("NO_PRICE", 1, Integer::sum);
                continue;
            }
            long price = p.entrySet().stream()
                    .sorted((a, b) -> a.getValue().equals(b.getValue())
                            ? Long.compare(a.getKey(), b.getKey()) : Integer.compare(b.getValue(), a.getValue()))
                    .findFirst().orElseThrow().getKey();
            String name = names.getOrDefault(code, Map.of()).entrySet().stream()
                    .sorted((a, b) -> a.getValue().equals(b.getValue())
                            ? a.getKey().compareTo(b.getKey()) : Integer.compare(b.getValue(), a.getValue()))
                    .map(Map.Entry::getKey).findFirst().orElse(code);
            long sold = unitsSold.getOrDefault(code, 0L);
            int stock = (int) Math.min(Integer.MAX_VALUE / 4, Math.max(10, (sold * 3 + 1) / 2));
            d.skus.put(code, new Sku(code, name.length() > 255 ? name.substring(0, 255) : name, price, stock));
        }
        return d;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private void count(String reason) {
        lineCounts.merge(reason, 1, Integer::sum);
    }
}

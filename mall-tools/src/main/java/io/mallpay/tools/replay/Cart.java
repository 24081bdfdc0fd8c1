package io.mallpay.tools.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cart a sale invoice checks out, and the dirty-line rules around it.
 *
 * <ul>
 *   <li>Non-product lines (postage, fees, {@code gift_*}) are not sent: {@link #nonProductLines}.</li>
 *   <li>Every other line is sent as the file has it (the storefront prices from its catalogue, so
 *   the file's UnitPrice is never sent). Lines repeating a SKU are sent too: checkout merges
 *   them ({@link #duplicateLines} counts them as {@code merged_duplicate}).</li>
 *   <li>When checkout rejects a line ({@code BAD_QUANTITY}, {@code UNKNOWN_SKU}: one bad line
 *   rejects the whole cart) {@link #offending} names the lines to drop, by the storefront's own
 *   rules: a quantity outside 1..{@value #MAX_QUANTITY}, or a SKU whose merged total exceeds it;
 *   the SKUs listed in the UNKNOWN_SKU detail. The rest is sent again under a new key.</li>
 * </ul>
 */
public final class Cart {

    /** Mirrors the checkout's limit per line and per merged SKU (OrderPricing.MAX_QUANTITY). */
    public static final int MAX_QUANTITY = 10_000;

    private static final Pattern UNKNOWN = Pattern.compile("unknown sku\\(s\\): (.+)$");

    /** A line as sent: {@code {"sku","quantity"}}. */
    public record Line(String sku, int quantity, long valueCents) {
    }

    private final List<Line> lines;
    private final int nonProductLines;
    private final int duplicateLines;

    private Cart(List<Line> lines, int nonProductLines, int duplicateLines) {
        this.lines = List.copyOf(lines);
        this.nonProductLines = nonProductLines;
        this.duplicateLines = duplicateLines;
    }

    public static Cart of(Invoice sale) {
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int nonProduct = 0;
        int duplicates = 0;
        for (Invoice.Line l : sale.lines()) {
            if (!l.isProduct()) {
                nonProduct++;
                continue;
            }
            if (!seen.add(l.stockCode())) {
                duplicates++;
            }
            lines.add(new Line(l.stockCode(), l.quantity(), l.valueCents()));
        }
        return new Cart(lines, nonProduct, duplicates);
    }

    public List<Line> lines() {
        return lines;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public int nonProductLines() {
        return nonProductLines;
    }

    public int duplicateLines() {
        return duplicateLines;
    }

    /** The file's value of the sendable lines in pence: an estimate of the order total (coupon fit). */
    public long estimateCents() {
        return lines.stream().filter(l -> l.quantity() > 0).mapToLong(Line::valueCents).sum();
    }

    /** The lines a line-level rejection is about; empty when it cannot be pinned to lines. */
    public List<Line> offending(String code, String detail) {
        if ("BAD_QUANTITY".equals(code)) {
            List<Line> bad = lines.stream().filter(l -> l.quantity() < 1 || l.quantity() > MAX_QUANTITY).toList();
            if (!bad.isEmpty()) {
                return bad;
            }
            Map<String, Integer> merged = new HashMap<>();
            lines.forEach(l -> merged.merge(l.sku(), l.quantity(), Integer::sum));
            return lines.stream().filter(l -> merged.get(l.sku()) > MAX_QUANTITY).toList();
        }
        if ("UNKNOWN_SKU".equals(code) && detail != null) {
            Matcher m = UNKNOWN.matcher(detail.trim());
            if (m.find()) {
                Set<String> unknown = new HashSet<>(List.of(m.group(1).split(",\\s*")));
                return lines.stream().filter(l -> unknown.contains(l.sku())).toList();
            }
        }
        return List.of();
    }

    /** This cart without the given lines (counts unchanged). */
    public Cart without(List<Line> drop) {
        List<Line> rest = new ArrayList<>(lines);
        drop.forEach(rest::remove);
        return new Cart(rest, nonProductLines, duplicateLines);
    }
}

package io.mallpay.order.checkout;

import io.mallpay.common.web.ApiException;
import io.mallpay.inventory.api.InventoryClient.SkuView;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checkout arithmetic, in minor units (pence), with no I/O. Rules: catalogue prices only;
 * duplicate SKUs merge; a quantity outside 1..{@value #MAX_QUANTITY} is {@code BAD_QUANTITY};
 * points are worth one penny each and may not exceed what is left after the coupon
 * ({@code BAD_POINTS}), so the payable amount is never negative.
 */
public final class OrderPricing {

    public static final int MAX_QUANTITY = 10_000;

    private OrderPricing() {
    }

    /** A cart line at its catalogue price. */
    public record PricedLine(String sku, String name, long unitPriceCents, int quantity) {
        public long totalCents() {
            return Math.multiplyExact(unitPriceCents, (long) quantity);
        }
    }

    /** Merges duplicate SKUs (first-seen order) and checks quantities. */
    public static Map<String, Integer> mergeLines(List<CheckoutRequest.Line> lines) {
        Map<String, Integer> merged = new LinkedHashMap<>();
        for (CheckoutRequest.Line l : lines) {
            if (l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_QUANTITY",
                        "quantity of " + l.sku() + " must be 1.." + MAX_QUANTITY + ", was " + l.quantity());
            }
            merged.merge(l.sku().trim(), l.quantity(), Integer::sum);
        }
        for (var e : merged.entrySet()) {
            if (e.getValue() > MAX_QUANTITY) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_QUANTITY",
                        "total quantity of " + e.getKey() + " must be at most " + MAX_QUANTITY);
            }
        }
        return merged;
    }

    /** Prices the merged lines from the catalogue; {@code UNKNOWN_SKU} (404) names every unknown SKU. */
    public static List<PricedLine> price(Map<String, Integer> merged, Map<String, SkuView> catalogue) {
        List<String> unknown = merged.keySet().stream().filter(s -> !catalogue.containsKey(s)).toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_SKU", "unknown sku(s): " + String.join(", ", unknown));
        }
        List<PricedLine> out = new ArrayList<>();
        merged.forEach((sku, qty) -> {
            SkuView v = catalogue.get(sku);
            out.add(new PricedLine(sku, v.name(), v.priceCents(), qty));
        });
        return out;
    }

    /**
     * Early {@code OUT_OF_STOCK} (409) from the catalogue read, before any global transaction: a
     * SKU that shows fewer units than asked is rejected without queuing for it. The reservation
     * itself re-checks under the row lock, so this can only ever refuse, never oversell.
     */
    public static void requireAvailable(Map<String, Integer> merged, Map<String, SkuView> catalogue) {
        merged.forEach((sku, qty) -> {
            int available = catalogue.get(sku).available();
            if (available < qty) {
                throw new ApiException(HttpStatus.CONFLICT, "OUT_OF_STOCK",
                        "sku " + sku + ": " + available + " available, " + qty + " requested");
            }
        });
    }

    public static long total(List<PricedLine> lines) {
        return lines.stream().mapToLong(PricedLine::totalCents).reduce(0L, Math::addExact);
    }

    /** total − coupon − points; {@code BAD_POINTS} (400) when the points exceed what is left. */
    public static long payable(long totalCents, long couponDiscountCents, long points) {
        long afterCoupon = Math.max(0, totalCents - couponDiscountCents);
        if (points > afterCoupon) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_POINTS",
                    "pointsToUse " + points + " exceeds the amount due " + afterCoupon + " (1 point = 1p)");
        }
        return afterCoupon - points;
    }
}

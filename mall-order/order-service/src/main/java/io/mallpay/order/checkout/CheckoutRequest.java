package io.mallpay.order.checkout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code POST /api/orders}. Prices are never taken from the client: they come from the
 * catalogue at checkout time.
 *
 * @param userId      the buyer
 * @param lines       1..100 lines; the same SKU twice is one line with the quantities added
 * @param pointsToUse points to spend (1 point = 1 penny off), 0 or absent for none
 * @param couponId    one of the buyer's AVAILABLE coupons, or absent
 */
public record CheckoutRequest(@NotNull Long userId,
                              @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Line> lines,
                              @Min(0) Long pointsToUse,
                              Long couponId) {

    /** @param quantity units, 1..10000 ({@code BAD_QUANTITY} otherwise) */
    public record Line(@NotBlank @Size(max = 32) String sku, @NotNull Integer quantity) {
    }

    public long points() {
        return pointsToUse == null ? 0 : pointsToUse;
    }
}

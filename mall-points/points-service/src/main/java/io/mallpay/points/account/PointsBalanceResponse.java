package io.mallpay.points.account;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A user's points balance as the storefront sees it, in whole points (one point = one penny of
 * discount): {@code available} can be used at checkout, {@code frozen} is held by unpaid orders,
 * {@code rewardPendingPoints} are granted by completed payments whose global transaction has not
 * confirmed them yet. The last one is left out of the JSON while it is 0, so answers without pending
 * rewards keep their original shape.
 */
public record PointsBalanceResponse(long userId, long available, long frozen,
                                    @JsonInclude(JsonInclude.Include.NON_DEFAULT) long rewardPendingPoints) {

    /** A balance with no pending reward points. */
    public PointsBalanceResponse(long userId, long available, long frozen) {
        this(userId, available, frozen, 0);
    }
}

package io.mallpay.points.account;

/**
 * A user's points balance as the storefront sees it, in whole points (one point = one penny of
 * discount): {@code available} can be used at checkout, {@code frozen} is held by unpaid orders.
 */
public record PointsBalanceResponse(long userId, long available, long frozen) {
}

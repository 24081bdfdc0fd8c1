package io.mallpay.coupon.usercoupon;

/**
 * One coupon of a user as the storefront shows it (public contract of
 * {@code GET /api/users/{userId}/coupons}). Amounts are minor units (pence); {@code discountCents}
 * is the template's full discount, which checkout caps at the order's goods total.
 */
public record UserCouponResponse(long couponId, CouponStatus status, long discountCents, long minOrderCents,
                                 String name) {
}

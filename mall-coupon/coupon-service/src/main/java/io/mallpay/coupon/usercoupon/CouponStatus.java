package io.mallpay.coupon.usercoupon;

/**
 * Life of a user coupon. AVAILABLE → LOCKED (checkout of an unpaid order) → USED (the order was
 * paid), or LOCKED → AVAILABLE (the order was cancelled or timed out). USED is final.
 */
public enum CouponStatus {
    AVAILABLE,
    LOCKED,
    USED
}

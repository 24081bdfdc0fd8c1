package io.mallpay.coupon.api;

/**
 * The published contract of {@code mall-coupon}: its Nacos service name, which consumers' Feign
 * clients resolve through the registry. Owns coupon templates and user coupons (AVAILABLE / LOCKED / USED); AT branches lock, use, unlock.
 */
public final class CouponApi {

    /** Service name in Nacos ({@code spring.application.name} of the provider). */
    public static final String SERVICE = "mall-coupon";

    private CouponApi() {
    }
}

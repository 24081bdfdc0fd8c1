package io.mallpay.coupon.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import java.util.List;

/**
 * Internal contract of {@code mall-coupon}. A user coupon is AVAILABLE, LOCKED (by one unpaid
 * order) or USED (by one paid order). lock/use/unlock are Seata AT branches, idempotent on the
 * order id. Errors (problem+json codes): {@code UNKNOWN_COUPON} (404), {@code COUPON_NOT_USABLE}
 * (409: not the user's, not AVAILABLE, or the order is below the coupon's minimum),
 * {@code COUPON_ALREADY_USED} (409, unlock after use), {@code VALIDATION_FAILED} (400, e.g. an id
 * that is missing or not positive).
 */
@FeignClient(name = CouponApi.SERVICE, contextId = "couponClient")
public interface CouponClient {

    /**
     * Locks an AVAILABLE coupon of {@code userId} for the order and returns its discount (AT
     * branch). Locking again for the same order returns the same answer.
     */
    @PostMapping("/internal/coupons/{couponId}/lock")
    CouponLockResponse lock(@PathVariable("couponId") long couponId, @RequestBody @Valid CouponLockRequest request);

    /** The order was paid: LOCKED → USED (AT branch). Idempotent. */
    @PostMapping("/internal/coupons/{couponId}/use")
    void use(@PathVariable("couponId") long couponId, @RequestBody @Valid CouponOrderRequest request);

    /** The order was cancelled: LOCKED → AVAILABLE (AT branch). Idempotent. */
    @PostMapping("/internal/coupons/{couponId}/unlock")
    void unlock(@PathVariable("couponId") long couponId, @RequestBody @Valid CouponOrderRequest request);

    /**
     * Grants coupons. Idempotent on {@code grantKey}: a grant already made is counted as
     * unchanged. Templates are created on first use of their code.
     */
    @PostMapping("/internal/coupons/import")
    CouponImportResponse importCoupons(@RequestBody @Valid CouponImportRequest request);

    /** @param orderTotalCents the order's goods total in minor units, for the minimum-order rule */
    record CouponLockRequest(@Positive long orderId, @Positive long userId, @Min(0) long orderTotalCents) {
    }

    /** @param discountCents discount in minor units the coupon takes off the order */
    record CouponLockResponse(long couponId, long discountCents) {
    }

    record CouponOrderRequest(@Positive long orderId) {
    }

    record CouponImportRequest(@NotEmpty @Size(max = 5000) List<@Valid CouponGrant> grants) {
    }

    /**
     * @param grantKey      idempotency key of the grant, e.g. {@code seed-42:user-17850}
     * @param templateCode  coupon template, e.g. {@code GBP5_OFF_20}
     * @param discountCents discount in minor units
     * @param minOrderCents smallest goods total the coupon applies to, in minor units
     */
    record CouponGrant(@NotBlank @Size(max = 64) String grantKey, long userId,
                       @NotBlank @Size(max = 32) String templateCode, @NotBlank @Size(max = 128) String templateName,
                       @Min(1) long discountCents, @Min(0) long minOrderCents) {
    }

    record CouponImportResponse(int inserted, int unchanged) {
    }
}

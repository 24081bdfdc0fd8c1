package io.mallpay.coupon.usercoupon;

import io.mallpay.common.web.ApiException;
import io.mallpay.coupon.api.CouponClient;
import io.mallpay.coupon.api.CouponClient.CouponGrant;
import io.mallpay.coupon.api.CouponClient.CouponImportRequest;
import io.mallpay.coupon.api.CouponClient.CouponImportResponse;
import io.mallpay.coupon.api.CouponClient.CouponLockRequest;
import io.mallpay.coupon.api.CouponClient.CouponLockResponse;
import io.mallpay.coupon.api.CouponClient.CouponOrderRequest;
import io.mallpay.coupon.grant.CouponImportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import io.mallpay.common.tx.GlobalLockRetry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@link CouponClient} for the mall's other services (paths and bodies exactly as declared
 * there; it does not implement the interface because its {@code @FeignClient} annotation would
 * register a client here). Errors are problem+json with a stable {@code code}.
 */
@RestController
@RequestMapping("/internal/coupons")
@Tag(name = "coupons (internal)", description = "Seata AT branches of the order service's global transactions, and grants")
public class InternalCouponController {

    /** Branches that meet a global lock or lose an InnoDB deadlock re-run in a fresh local transaction. */
    private static final int TRIES = 20;
    private static final long PAUSE_MILLIS = 50;

    private final CouponService coupons;
    private final CouponImportService importer;

    public InternalCouponController(CouponService coupons, CouponImportService importer) {
        this.coupons = coupons;
        this.importer = importer;
    }

    /** See {@link CouponClient#lock}; amounts in pence. */
    @PostMapping("/{couponId}/lock")
    @Operation(summary = "Lock a coupon for an unpaid order (AT branch; idempotent per order)")
    public CouponLockResponse lock(@PathVariable long couponId, @RequestBody @Valid CouponLockRequest request) {
        requireId("orderId", request.orderId());
        requireId("userId", request.userId());
        return GlobalLockRetry.run(() -> coupons.lock(couponId, request.orderId(), request.userId(),
                request.orderTotalCents()), TRIES, PAUSE_MILLIS);
    }

    /** See {@link CouponClient#use}. */
    @PostMapping("/{couponId}/use")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark a coupon locked by a paid order as used (AT branch; idempotent)")
    public void use(@PathVariable long couponId, @RequestBody @Valid CouponOrderRequest request) {
        requireId("orderId", request.orderId());
        GlobalLockRetry.run(() -> coupons.use(couponId, request.orderId()), TRIES, PAUSE_MILLIS);
    }

    /** See {@link CouponClient#unlock}. */
    @PostMapping("/{couponId}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Release a coupon locked by a cancelled order (AT branch; idempotent)")
    public void unlock(@PathVariable long couponId, @RequestBody @Valid CouponOrderRequest request) {
        requireId("orderId", request.orderId());
        GlobalLockRetry.run(() -> coupons.unlock(couponId, request.orderId()), TRIES, PAUSE_MILLIS);
    }

    /** See {@link CouponClient#importCoupons}. */
    @PostMapping("/import")
    @Operation(summary = "Grant coupons (idempotent per grantKey; templates created on first use)")
    public CouponImportResponse importCoupons(@RequestBody @Valid CouponImportRequest request) {
        for (CouponGrant grant : request.grants()) {
            if (grant == null) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "grants must not contain null");
            }
            requireId("userId of grant " + grant.grantKey(), grant.userId());
        }
        return importer.importCoupons(request.grants());
    }

    /**
     * The contract's ids are primitive longs without constraints, so a missing id arrives as 0;
     * refused here rather than locking a coupon for "order 0".
     */
    private static void requireId(String field, long value) {
        if (value <= 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", field + " must be a positive id");
        }
    }
}

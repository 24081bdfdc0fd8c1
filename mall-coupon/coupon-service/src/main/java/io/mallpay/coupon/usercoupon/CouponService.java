package io.mallpay.coupon.usercoupon;

import io.mallpay.common.web.ApiException;
import io.mallpay.coupon.api.CouponClient.CouponLockResponse;
import io.mallpay.coupon.template.CouponTemplate;
import io.mallpay.coupon.template.CouponTemplateMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coupon's part in the mall's global transactions: lock at checkout, use on payment, unlock
 * on cancel. Each method is a local transaction that Seata's DataSource proxy turns into an AT
 * branch of the caller's global transaction when an XID arrives, so there is deliberately no
 * {@code @GlobalTransactional} here: the order service is the TM.
 *
 * <p>Every method first reads the coupon {@code FOR UPDATE}, which serialises concurrent calls on
 * the same coupon (and under AT waits for its global lock), then decides from the row. All are
 * idempotent for the same order, because the TM may retry a branch call. Amounts are minor units
 * (pence). Errors: {@code UNKNOWN_COUPON} (404), {@code COUPON_NOT_USABLE} (409),
 * {@code COUPON_ALREADY_USED} (409, unlock after payment).
 */
@Service
@Transactional
public class CouponService {

    private static final Logger log = LoggerFactory.getLogger(CouponService.class);

    private final UserCouponMapper coupons;
    private final CouponTemplateMapper templates;

    public CouponService(UserCouponMapper coupons, CouponTemplateMapper templates) {
        this.coupons = coupons;
        this.templates = templates;
    }

    /**
     * Locks an AVAILABLE coupon of {@code userId} for {@code orderId} and returns the discount in
     * pence, capped at {@code orderTotalCents} so an order never goes negative. A coupon already
     * LOCKED by the same order gives the same answer again. 409 {@code COUPON_NOT_USABLE} when the
     * coupon is another user's, LOCKED by another order, USED, or the order is below the minimum.
     */
    public CouponLockResponse lock(long couponId, long orderId, long userId, long orderTotalCents) {
        UserCoupon coupon = readForUpdate(couponId);
        if (coupon.getUserId() != userId) {
            throw notUsable(couponId, "it belongs to another user");
        }
        CouponTemplate template = templateOf(coupon);
        if (coupon.getStatus() == CouponStatus.LOCKED && coupon.heldBy(orderId)) {
            return new CouponLockResponse(couponId, template.discountFor(orderTotalCents));
        }
        if (coupon.getStatus() != CouponStatus.AVAILABLE) {
            throw notUsable(couponId, coupon.getStatus() == CouponStatus.USED
                    ? "it is already used" : "it is locked by another order");
        }
        if (orderTotalCents < template.getMinOrderCents()) {
            throw notUsable(couponId, "the order total " + orderTotalCents
                    + " is below the coupon's minimum of " + template.getMinOrderCents() + " (minor units)");
        }
        // The row is locked FOR UPDATE, so the conditional update cannot miss; checked anyway.
        if (coupons.lock(couponId, orderId, userId) != 1) {
            throw notUsable(couponId, "it changed while being locked");
        }
        long discount = template.discountFor(orderTotalCents);
        log.info("coupon {} locked by order {} for user {}: discount {}", couponId, orderId, userId, discount);
        return new CouponLockResponse(couponId, discount);
    }

    /**
     * The order was paid: LOCKED by {@code orderId} → USED. Already USED by the same order: no-op.
     * 409 {@code COUPON_NOT_USABLE} if the coupon is AVAILABLE or held by another order, since a
     * coupon pays for at most one order.
     */
    public void use(long couponId, long orderId) {
        UserCoupon coupon = readForUpdate(couponId);
        if (coupon.heldBy(orderId) && coupon.getStatus() == CouponStatus.USED) {
            return;
        }
        if (!coupon.heldBy(orderId) || coupon.getStatus() != CouponStatus.LOCKED) {
            throw notUsable(couponId, describeFor(coupon, orderId));
        }
        if (coupons.use(couponId, orderId) != 1) {
            throw notUsable(couponId, "it changed while being used");
        }
        log.info("coupon {} used by order {}", couponId, orderId);
    }

    /**
     * The order was cancelled or timed out: LOCKED by {@code orderId} → AVAILABLE. A coupon that is
     * AVAILABLE or held by another order is left alone (no-op): a late or repeated cancel must
     * never free a coupon some other order holds. 409 {@code COUPON_ALREADY_USED} if this order
     * already used it: a paid order cannot be cancelled back into a free coupon.
     */
    public void unlock(long couponId, long orderId) {
        UserCoupon coupon = readForUpdate(couponId);
        if (!coupon.heldBy(orderId)) {
            log.info("unlock of coupon {} for order {} ignored: {}", couponId, orderId, describeFor(coupon, orderId));
            return;
        }
        if (coupon.getStatus() == CouponStatus.USED) {
            throw new ApiException(HttpStatus.CONFLICT, "COUPON_ALREADY_USED",
                    "coupon " + couponId + " was already used by order " + orderId + " and cannot be unlocked");
        }
        if (coupons.unlock(couponId, orderId) == 1) {
            log.info("coupon {} unlocked by order {}", couponId, orderId);
        }
    }

    private UserCoupon readForUpdate(long couponId) {
        UserCoupon coupon = coupons.selectForUpdate(couponId);
        if (coupon == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_COUPON", "no coupon " + couponId);
        }
        return coupon;
    }

    private CouponTemplate templateOf(UserCoupon coupon) {
        CouponTemplate template = templates.selectById(coupon.getTemplateId());
        if (template == null) {
            // The foreign key makes this impossible; a bare NPE would hide which row is broken.
            throw new IllegalStateException("coupon " + coupon.getId() + " has no template " + coupon.getTemplateId());
        }
        return template;
    }

    private static String describeFor(UserCoupon coupon, long orderId) {
        if (coupon.getStatus() == CouponStatus.AVAILABLE) {
            return "it is not locked by order " + orderId;
        }
        return "it is " + (coupon.getStatus() == CouponStatus.USED ? "used" : "locked") + " by another order";
    }

    private static ApiException notUsable(long couponId, String why) {
        return new ApiException(HttpStatus.CONFLICT, "COUPON_NOT_USABLE", "coupon " + couponId + " is not usable: " + why);
    }
}

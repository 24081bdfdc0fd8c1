package io.mallpay.coupon.usercoupon;

import io.mallpay.coupon.template.CouponTemplate;

/** Object Mother of coupons and templates for unit tests. */
public final class UserCoupons {

    public static final long TEMPLATE_ID = 7;
    public static final long OWNER = 17850;

    private UserCoupons() {
    }

    /** £5 off orders of £20 or more. */
    public static CouponTemplate fiveOffTwenty() {
        CouponTemplate t = new CouponTemplate("GBP5_OFF_20", "£5 off £20", 500, 2000);
        t.setId(TEMPLATE_ID);
        return t;
    }

    public static UserCoupon available(long id) {
        UserCoupon c = new UserCoupon();
        c.setId(id);
        c.setTemplateId(TEMPLATE_ID);
        c.setUserId(OWNER);
        c.setStatus(CouponStatus.AVAILABLE);
        c.setGrantKey("seed-" + id + ":user-" + OWNER);
        return c;
    }

    public static UserCoupon lockedBy(long id, long orderId) {
        UserCoupon c = available(id);
        c.setStatus(CouponStatus.LOCKED);
        c.setOrderId(orderId);
        return c;
    }

    public static UserCoupon usedBy(long id, long orderId) {
        UserCoupon c = lockedBy(id, orderId);
        c.setStatus(CouponStatus.USED);
        return c;
    }
}

package io.mallpay.coupon.usercoupon;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Storefront API of coupons (public contract). */
@RestController
@Tag(name = "coupons", description = "A user's coupons, as the storefront shows them")
public class UserCouponController {

    private final UserCouponQuery query;

    public UserCouponController(UserCouponQuery query) {
        this.query = query;
    }

    /** All coupons of the user, ordered by coupon id; an empty array if they have none. Amounts in pence. */
    @GetMapping("/api/users/{userId}/coupons")
    @Operation(summary = "List a user's coupons",
            description = "Every coupon of the user (AVAILABLE, LOCKED by an unpaid order, USED by a paid one), "
                    + "ordered by couponId. Amounts are minor units (pence). A user without coupons gets [].")
    public List<UserCouponResponse> coupons(@Parameter(description = "user id") @PathVariable long userId) {
        return query.couponsOf(userId);
    }
}

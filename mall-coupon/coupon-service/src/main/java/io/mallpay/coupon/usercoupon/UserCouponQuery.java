package io.mallpay.coupon.usercoupon;

import io.mallpay.coupon.template.CouponTemplate;
import io.mallpay.coupon.template.CouponTemplateMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read side of user coupons for the storefront; never part of a global transaction. */
@Service
@Transactional(readOnly = true)
public class UserCouponQuery {

    private final UserCouponMapper coupons;
    private final CouponTemplateMapper templates;

    public UserCouponQuery(UserCouponMapper coupons, CouponTemplateMapper templates) {
        this.coupons = coupons;
        this.templates = templates;
    }

    /**
     * The user's coupons in every state, ordered by coupon id; empty for a user without coupons
     * (users live in another system, so an unknown user is not an error). Amounts in pence.
     */
    public List<UserCouponResponse> couponsOf(long userId) {
        List<UserCoupon> owned = coupons.selectByUser(userId);
        if (owned.isEmpty()) {
            return List.of();
        }
        // A user holds coupons of a few templates: one lookup for all of them, not one per coupon.
        List<Long> templateIds = owned.stream().map(UserCoupon::getTemplateId).distinct().toList();
        Map<Long, CouponTemplate> byId = templates.selectBatchIds(templateIds).stream()
                .collect(Collectors.toMap(CouponTemplate::getId, Function.identity()));
        return owned.stream().map(c -> {
            CouponTemplate t = byId.get(c.getTemplateId());
            return new UserCouponResponse(c.getId(), c.getStatus(), t.getDiscountCents(), t.getMinOrderCents(), t.getName());
        }).toList();
    }
}

package io.mallpay.coupon.usercoupon;

import io.mallpay.coupon.template.CouponTemplateMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mallpay.coupon.usercoupon.UserCoupons.OWNER;
import static io.mallpay.coupon.usercoupon.UserCoupons.available;
import static io.mallpay.coupon.usercoupon.UserCoupons.fiveOffTwenty;
import static io.mallpay.coupon.usercoupon.UserCoupons.usedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class UserCouponQueryTest {

    private final UserCouponMapper coupons = mock(UserCouponMapper.class);
    private final CouponTemplateMapper templates = mock(CouponTemplateMapper.class);
    private final UserCouponQuery query = new UserCouponQuery(coupons, templates);

    @Test
    void joinsEachCouponWithItsTemplateInCouponOrder() {
        when(coupons.selectByUser(OWNER)).thenReturn(List.of(available(3), usedBy(8, 1001)));
        when(templates.selectBatchIds(anyCollection())).thenReturn(List.of(fiveOffTwenty()));

        assertThat(query.couponsOf(OWNER)).containsExactly(
                new UserCouponResponse(3, CouponStatus.AVAILABLE, 500, 2000, "£5 off £20"),
                new UserCouponResponse(8, CouponStatus.USED, 500, 2000, "£5 off £20"));
    }

    @Test
    void aUserWithoutCouponsGetsAnEmptyListWithoutATemplateLookup() {
        when(coupons.selectByUser(OWNER)).thenReturn(List.of());

        assertThat(query.couponsOf(OWNER)).isEmpty();
        verify(templates, never()).selectBatchIds(anyCollection());
    }
}

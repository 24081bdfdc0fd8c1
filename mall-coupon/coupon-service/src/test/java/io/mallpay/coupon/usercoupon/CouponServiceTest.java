package io.mallpay.coupon.usercoupon;

import io.mallpay.common.web.ApiException;
import io.mallpay.coupon.api.CouponClient.CouponLockResponse;
import io.mallpay.coupon.template.CouponTemplateMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static io.mallpay.coupon.usercoupon.UserCoupons.OWNER;
import static io.mallpay.coupon.usercoupon.UserCoupons.TEMPLATE_ID;
import static io.mallpay.coupon.usercoupon.UserCoupons.available;
import static io.mallpay.coupon.usercoupon.UserCoupons.fiveOffTwenty;
import static io.mallpay.coupon.usercoupon.UserCoupons.lockedBy;
import static io.mallpay.coupon.usercoupon.UserCoupons.usedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CouponServiceTest {

    private static final long COUPON = 42;
    private static final long ORDER = 1001;
    private static final long OTHER_ORDER = 1002;

    private final UserCouponMapper coupons = mock(UserCouponMapper.class);
    private final CouponTemplateMapper templates = mock(CouponTemplateMapper.class);
    private final CouponService service = new CouponService(coupons, templates);

    @BeforeEach
    void template() {
        when(templates.selectById(TEMPLATE_ID)).thenReturn(fiveOffTwenty());
    }

    @Test
    void lockOfAnAvailableCouponLocksItAndReturnsTheDiscount() {
        when(coupons.selectForUpdate(COUPON)).thenReturn(available(COUPON));
        when(coupons.lock(COUPON, ORDER, OWNER)).thenReturn(1);

        CouponLockResponse response = service.lock(COUPON, ORDER, OWNER, 3000);

        assertThat(response).isEqualTo(new CouponLockResponse(COUPON, 500));
        verify(coupons).lock(COUPON, ORDER, OWNER);
    }

    @Test
    void lockAgainBySameOrderReturnsTheSameAnswerWithoutUpdating() {
        when(coupons.selectForUpdate(COUPON)).thenReturn(lockedBy(COUPON, ORDER));

        CouponLockResponse response = service.lock(COUPON, ORDER, OWNER, 3000);

        assertThat(response).isEqualTo(new CouponLockResponse(COUPON, 500));
        verify(coupons, never()).lock(anyLong(), anyLong(), anyLong());
    }

    @Test
    void lockOfACouponLockedByAnotherOrderIsRefused() {
        when(coupons.selectForUpdate(COUPON)).thenReturn(lockedBy(COUPON, OTHER_ORDER));

        assertRejected(() -> service.lock(COUPON, ORDER, OWNER, 3000), HttpStatus.CONFLICT, "COUPON_NOT_USABLE",
                "locked by another order");
        verify(coupons, never()).lock(anyLong(), anyLong(), anyLong());
    }

    @Test
    void lockOfAUsedCouponIsRefused() {
        when(coupons.selectForUpdate(COUPON)).thenReturn(usedBy(COUPON, OTHER_ORDER));

        assertRejected(() -> service.lock(COUPON, ORDER, OWNER, 3000), HttpStatus.CONFLICT, "COUPON_NOT_USABLE",
                "already used");
    }

    @Test
    void lockOfAnotherUsersCouponIsRefused() {
        when(coupons.selectForUpdate(COUPON)).thenReturn(available(COUPON));

        assertRejected(() -> service.lock(COUPON, ORDER, OWNER + 1, 3000), HttpStatus.CONFLICT, "COUPON_NOT_USABLE",
                "another user");
        verify(coupons, never()).lock(anyLong(), anyLong(), anyLong());
    }

    @Test
    void lockBelowTheMinimumOrderIsRefused() {
        when(coupons.selectForUpdate(COUPON)).thenReturn(available(COUPON));

        assertRejected(() -> service.lock(COUPON, ORDER, OWNER, 1999), HttpStatus.CONFLICT, "COUPON_NOT_USABLE",
                "below the coupon's minimum of 2000");
        verify(coupons, never()).lock(anyLong(), anyLong(), anyLong());
    }

    @Test
    void discountNeverExceedsTheOrderTotal() {
        UserCoupon coupon = available(COUPON);
        when(coupons.selectForUpdate(COUPON)).thenReturn(coupon);
        when(coupons.lock(COUPON, ORDER, OWNER)).thenReturn(1);
        // A template without minimum whose discount is larger than the order.
        var generous = fiveOffTwenty();
        generous.setMinOrderCents(0L);
        when(templates.selectById(TEMPLATE_ID)).thenReturn(generous);

        assertThat(service.lock(COUPON, ORDER, OWNER, 320).discountCents()).isEqualTo(320);
    }

    @Test
    void lockOfAnUnknownCouponIs404() {
        assertRejected(() -> service.lock(COUPON, ORDER, OWNER, 3000), HttpStatus.NOT_FOUND, "UNKNOWN_COUPON", "42");
    }

    @Test
    void useOfACouponLockedByTheOrderMarksItUsed() {
        when(coupons.selectForUpdate(COUPON)).thenReturn(lockedBy(COUPON, ORDER));
        when(coupons.use(COUPON, ORDER)).thenReturn(1);

        service.use(COUPON, ORDER);

        verify(coupons).use(COUPON, ORDER);
    }

    @Test
    void useAgainBySameOrderIsANoOp() {
        when(coupons.selectForUpdate(COUPON)).thenReturn(usedBy(COUPON, ORDER));

        service.use(COUPON, ORDER);

        verify(coupons, never()).use(anyLong(), anyLong());
    }

    @Test
    void useOfACouponHeldByAnotherOrderIsRefused() {
        when(coupons.selectForUpdate(COUPON)).thenReturn(usedBy(COUPON, OTHER_ORDER));

        assertRejected(() -> service.use(COUPON, ORDER), HttpStatus.CONFLICT, "COUPON_NOT_USABLE", "another order");
        verify(coupons, never()).use(anyLong(), anyLong());
    }

    @Test
    void useOfAnAvailableCouponIsRefused() {
        when(coupons.selectForUpdate(COUPON)).thenReturn(available(COUPON));

        assertRejected(() -> service.use(COUPON, ORDER), HttpStatus.CONFLICT, "COUPON_NOT_USABLE", "not locked");
    }

    @Test
    void unlockOfACouponLockedByTheOrderReleasesIt() {
        when(coupons.selectForUpdate(COUPON)).thenReturn(lockedBy(COUPON, ORDER));
        when(coupons.unlock(COUPON, ORDER)).thenReturn(1);

        service.unlock(COUPON, ORDER);

        verify(coupons).unlock(COUPON, ORDER);
    }

    @Test
    void unlockOfAnotherOrdersCouponIsANoOp() {
        when(coupons.selectForUpdate(COUPON)).thenReturn(lockedBy(COUPON, OTHER_ORDER));

        service.unlock(COUPON, ORDER);

        verify(coupons, never()).unlock(anyLong(), anyLong());
    }

    @Test
    void unlockOfAnAvailableCouponIsANoOp() {
        when(coupons.selectForUpdate(COUPON)).thenReturn(available(COUPON));

        service.unlock(COUPON, ORDER);

        verify(coupons, never()).unlock(anyLong(), anyLong());
    }

    @Test
    void unlockAfterUseIsRefused() {
        when(coupons.selectForUpdate(COUPON)).thenReturn(usedBy(COUPON, ORDER));

        assertRejected(() -> service.unlock(COUPON, ORDER), HttpStatus.CONFLICT, "COUPON_ALREADY_USED", "already used");
        verify(coupons, never()).unlock(anyLong(), anyLong());
    }

    @Test
    void unlockOfAnUnknownCouponIs404() {
        assertRejected(() -> service.unlock(COUPON, ORDER), HttpStatus.NOT_FOUND, "UNKNOWN_COUPON", "42");
    }

    private static void assertRejected(Runnable call, HttpStatus status, String code, String detailPart) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(detailPart);
                });
    }
}

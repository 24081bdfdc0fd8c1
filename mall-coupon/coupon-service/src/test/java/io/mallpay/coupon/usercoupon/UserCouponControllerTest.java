package io.mallpay.coupon.usercoupon;

import io.mallpay.common.web.ProblemHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(UserCouponController.class)
@Import(ProblemHandler.class)
class UserCouponControllerTest {

    @Autowired
    private MockMvc mvc;
    @MockBean
    private UserCouponQuery query;

    @Test
    void listsTheUsersCouponsWithThePublicFieldNames() throws Exception {
        when(query.couponsOf(17850)).thenReturn(List.of(
                new UserCouponResponse(3, CouponStatus.AVAILABLE, 500, 2000, "£5 off £20"),
                new UserCouponResponse(8, CouponStatus.LOCKED, 1000, 5000, "£10 off £50")));

        mvc.perform(get("/api/users/17850/coupons"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].couponId").value(3))
                .andExpect(jsonPath("$[0].status").value("AVAILABLE"))
                .andExpect(jsonPath("$[0].discountCents").value(500))
                .andExpect(jsonPath("$[0].minOrderCents").value(2000))
                .andExpect(jsonPath("$[0].name").value("£5 off £20"))
                .andExpect(jsonPath("$[1].status").value("LOCKED"));
    }

    @Test
    void aUserWithoutCouponsGetsAnEmptyArray() throws Exception {
        when(query.couponsOf(1)).thenReturn(List.of());

        mvc.perform(get("/api/users/1/coupons"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]", true));
    }

    @Test
    void aNonNumericUserIdFailsValidation() throws Exception {
        mvc.perform(get("/api/users/abc/coupons"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }
}

package io.mallpay.coupon.usercoupon;

import io.mallpay.common.web.ApiException;
import io.mallpay.common.web.ProblemHandler;
import io.mallpay.coupon.api.CouponClient.CouponImportResponse;
import io.mallpay.coupon.api.CouponClient.CouponLockResponse;
import io.mallpay.coupon.grant.CouponImportService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(InternalCouponController.class)
@Import(ProblemHandler.class)
class InternalCouponControllerTest {

    @Autowired
    private MockMvc mvc;
    @MockBean
    private CouponService coupons;
    @MockBean
    private CouponImportService importer;

    private ResultActions postJson(String path, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void lockAnswersTheDiscount() throws Exception {
        when(coupons.lock(42, 1001, 17850, 3000)).thenReturn(new CouponLockResponse(42, 500));

        postJson("/internal/coupons/42/lock", "{\"orderId\":1001,\"userId\":17850,\"orderTotalCents\":3000}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.couponId").value(42))
                .andExpect(jsonPath("$.discountCents").value(500));
    }

    @Test
    void lockWithNegativeTotalFailsValidation() throws Exception {
        postJson("/internal/coupons/42/lock", "{\"orderId\":1001,\"userId\":17850,\"orderTotalCents\":-1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value(containsString("orderTotalCents")));
        verifyNoInteractions(coupons);
    }

    @Test
    void lockWithoutAnOrderIdFailsValidation() throws Exception {
        postJson("/internal/coupons/42/lock", "{\"userId\":17850,\"orderTotalCents\":3000}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        verifyNoInteractions(coupons);
    }

    @Test
    void rejectionsKeepTheirStatusAndCode() throws Exception {
        when(coupons.lock(anyLong(), anyLong(), anyLong(), anyLong())).thenThrow(
                new ApiException(HttpStatus.CONFLICT, "COUPON_NOT_USABLE", "coupon 42 is not usable: it is already used"));

        postJson("/internal/coupons/42/lock", "{\"orderId\":1001,\"userId\":17850,\"orderTotalCents\":3000}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("COUPON_NOT_USABLE"));
    }

    @Test
    void useAnswersNoContent() throws Exception {
        postJson("/internal/coupons/42/use", "{\"orderId\":1001}").andExpect(status().isNoContent());

        verify(coupons).use(42, 1001);
    }

    @Test
    void unknownCouponIs404() throws Exception {
        doThrow(new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_COUPON", "no coupon 42")).when(coupons).use(42, 1001);

        postJson("/internal/coupons/42/use", "{\"orderId\":1001}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_COUPON"));
    }

    @Test
    void unlockAnswersNoContentAndUnlockAfterUseIs409() throws Exception {
        postJson("/internal/coupons/42/unlock", "{\"orderId\":1001}").andExpect(status().isNoContent());
        verify(coupons).unlock(42, 1001);

        doThrow(new ApiException(HttpStatus.CONFLICT, "COUPON_ALREADY_USED", "used")).when(coupons).unlock(43, 1001);
        postJson("/internal/coupons/43/unlock", "{\"orderId\":1001}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("COUPON_ALREADY_USED"));
    }

    @Test
    void importAnswersTheCounts() throws Exception {
        when(importer.importCoupons(anyList())).thenReturn(new CouponImportResponse(1, 0));

        postJson("/internal/coupons/import", """
                {"grants":[{"grantKey":"seed-42:user-17850","userId":17850,"templateCode":"GBP5_OFF_20",
                            "templateName":"£5 off £20","discountCents":500,"minOrderCents":2000}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(1))
                .andExpect(jsonPath("$.unchanged").value(0));
    }

    @Test
    void importOfAnInvalidGrantFailsValidation() throws Exception {
        postJson("/internal/coupons/import", """
                {"grants":[{"grantKey":"","userId":17850,"templateCode":"GBP5_OFF_20",
                            "templateName":"£5 off £20","discountCents":0,"minOrderCents":2000}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value(containsString("discountCents")))
                .andExpect(jsonPath("$.detail").value(containsString("grantKey")));
        verifyNoInteractions(importer);
    }

    @Test
    void importOfNoGrantsFailsValidation() throws Exception {
        postJson("/internal/coupons/import", "{\"grants\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        verifyNoInteractions(importer);
    }
}

package io.mallpay.order.checkout;

import io.mallpay.common.web.ApiException;
import io.mallpay.common.web.ProblemHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CheckoutController.class)
@Import(ProblemHandler.class)
class CheckoutControllerTest {

    @Autowired
    MockMvc mvc;

    @MockBean
    CheckoutService checkout;

    private static final String BODY = """
            {"userId": 17850, "lines": [{"sku": "85123A", "quantity": 6}], "pointsToUse": 0}""";

    @Test
    void missingIdempotencyKeyIsRejectedBeforeAnythingRuns() throws Exception {
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MISSING_HEADER"));
        verifyNoInteractions(checkout);
    }

    @Test
    void malformedBodyIsValidationFailed() throws Exception {
        mvc.perform(post("/api/orders").header("Idempotency-Key", "k1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userId\": 1, \"lines\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        verifyNoInteractions(checkout);
    }

    @Test
    void aParticipantRejectionKeepsItsCodeAndStatus() throws Exception {
        when(checkout.checkout(eq("k2"), any())).thenThrow(
                new ApiException(HttpStatus.CONFLICT, "OUT_OF_STOCK", "sku 85123A: 2 available, 6 requested"));

        mvc.perform(post("/api/orders").header("Idempotency-Key", "k2").contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("OUT_OF_STOCK"))
                .andExpect(jsonPath("$.detail").value("sku 85123A: 2 available, 6 requested"));
    }
}

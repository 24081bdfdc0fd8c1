package io.mallpay.pay.payment;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(PaymentController.class)
@Import(ProblemHandler.class)
class PaymentControllerTest {

    @Autowired
    MockMvc mvc;

    @MockBean
    PaymentCreation creation;

    @MockBean
    PaymentMapper payments;

    @MockBean
    PaymentStates states;

    @Test
    void aMissingKeyOrABadMethodIsRefusedBeforeAnythingRuns() throws Exception {
        mvc.perform(post("/api/payments").contentType(MediaType.APPLICATION_JSON).content("{\"orderId\":1,\"method\":\"CARD\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MISSING_HEADER"));
        mvc.perform(post("/api/payments").header("Idempotency-Key", "k").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\":1,\"method\":\"CASH\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        verifyNoInteractions(creation);
    }

    @Test
    void aCreatedPaymentAnswers201WithItsCommittedViewAndTheReplayHeader() throws Exception {
        Payment p = Payments.card("P1", 2_500);
        when(creation.create(eq("k1"), any())).thenReturn(new PaymentCreation.Result(p, true));
        when(states.committedView("P1")).thenReturn(p);
        mvc.perform(post("/api/payments").header("Idempotency-Key", "k1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\":41,\"method\":\"CARD\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.paymentId").value("P1"))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.amountCents").value(2500));
    }

    @Test
    void aRefusalKeepsItsStatusAndCode() throws Exception {
        when(creation.create(eq("k2"), any())).thenThrow(
                new ApiException(HttpStatus.CONFLICT, "PAYMENT_IN_PROGRESS", "order 41 already has a live payment"));
        mvc.perform(post("/api/payments").header("Idempotency-Key", "k2").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\":41,\"method\":\"CARD\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PAYMENT_IN_PROGRESS"));
    }

    @Test
    void anUnknownPaymentIs404AndAListNeedsASaneLimit() throws Exception {
        mvc.perform(get("/api/payments/P404"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_PAYMENT"));
        mvc.perform(get("/api/merchants/M/payments?limit=0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }
}

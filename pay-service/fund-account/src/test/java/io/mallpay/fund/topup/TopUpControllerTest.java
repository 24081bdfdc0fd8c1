package io.mallpay.fund.topup;

import io.mallpay.common.web.ApiException;
import io.mallpay.common.web.ProblemHandler;
import io.mallpay.fund.FundMother;
import io.mallpay.fund.api.FundAccountClient.AccountStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The top-up endpoint: body validation and the idempotency code. */
@WebMvcTest(TopUpController.class)
@Import(ProblemHandler.class)
class TopUpControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockBean
    private TopUpService topUps;

    @Test
    void answersTheWallet() throws Exception {
        when(topUps.topUp(7L, "T1", 5_000)).thenReturn(FundMother.wallet(AccountStatus.ACTIVE, 5_000, 0));

        topUp("7", "{\"topUpId\":\"T1\",\"amountCents\":5000}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value("7"))
                .andExpect(jsonPath("$.availableCents").value(5_000));
    }

    @Test
    void aBadBodyIsAValidationFailure() throws Exception {
        topUp("7", "{\"topUpId\":\"" + "T".repeat(65) + "\",\"amountCents\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value(allOf(containsString("topUpId"), containsString("amountCents"))));
        topUp("7", "{\"amountCents\":10}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("topUpId")));
        topUp("x", "{\"topUpId\":\"T1\",\"amountCents\":10}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));

        verifyNoInteractions(topUps);
    }

    @Test
    void aReusedTopUpIdIsUnprocessable() throws Exception {
        when(topUps.topUp(7L, "T1", 5_001)).thenThrow(
                new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED", "top-up T1 already added 5000 pence"));

        topUp("7", "{\"topUpId\":\"T1\",\"amountCents\":5001}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
    }

    private ResultActions topUp(String userId, String body) throws Exception {
        return mvc.perform(post("/internal/fund/accounts/USER/" + userId + "/top-ups")
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}

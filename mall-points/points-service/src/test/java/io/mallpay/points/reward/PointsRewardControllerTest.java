package io.mallpay.points.reward;

import io.mallpay.common.web.ApiException;
import io.mallpay.common.web.ProblemHandler;
import io.mallpay.points.reward.tcc.PointsRewardAction;
import org.apache.seata.common.exception.FrameworkErrorCode;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.integration.tx.api.fence.exception.CommonFenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP face of {@code PointsClient#reward}. The Seata starter is off in slices, so the tests
 * bind the XID themselves, as its {@code TX_XID} interceptor would.
 */
@WebMvcTest(PointsRewardController.class)
@Import(ProblemHandler.class)
class PointsRewardControllerTest {

    private static final String XID = "10.0.0.1:8091:4242";
    private static final String BODY = "{\"paymentId\":\"PAY-1\",\"orderId\":1001,\"userId\":7,\"points\":25}";

    @Autowired
    private MockMvc mvc;

    @MockBean
    private PointsRewardAction action;

    @AfterEach
    void unbindXid() {
        RootContext.unbind();
    }

    @Test
    void triesTheRewardInsideTheGlobalTransaction() throws Exception {
        RootContext.bind(XID);

        postReward(BODY)
                .andExpect(status().isOk())
                .andExpect(content().json("{\"paymentId\":\"PAY-1\",\"status\":\"TRIED\"}", true));

        verify(action).tryReward(isNull(), eq("PAY-1"), eq(1001L), eq(7L), eq(25L));
    }

    @Test
    void withoutAGlobalTransactionNothingIsTried() throws Exception {
        postReward(BODY)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NO_GLOBAL_TRANSACTION"));

        verifyNoInteractions(action);
    }

    @Test
    void badFieldsAreAValidationFailureNamingEachField() throws Exception {
        RootContext.bind(XID);

        postReward("{\"paymentId\":\" \",\"orderId\":0,\"userId\":-7,\"points\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value(allOf(containsString("paymentId"), containsString("orderId"),
                        containsString("userId"), containsString("points"))));
        postReward("{\"paymentId\":\"" + "P".repeat(65) + "\",\"orderId\":1001,\"userId\":7,\"points\":25}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value(containsString("paymentId")));

        verifyNoInteractions(action);
    }

    @Test
    void aTryAfterItsCancelIsRefusedAsSuspended() throws Exception {
        RootContext.bind(XID);
        doThrow(new CommonFenceException("Insert tcc fence record duplicate key exception", FrameworkErrorCode.DuplicateKeyException))
                .when(action).tryReward(null, "PAY-1", 1001L, 7L, 25L);

        postReward(BODY)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TCC_SUSPENDED"));
    }

    @Test
    void otherFenceFailuresAreNotMistakenForSuspension() {
        RootContext.bind(XID);
        doThrow(new CommonFenceException("insert failed", FrameworkErrorCode.InsertRecordError))
                .when(action).tryReward(null, "PAY-1", 1001L, 7L, 25L);

        assertThatThrownBy(() -> postReward(BODY)).hasRootCauseInstanceOf(CommonFenceException.class);
    }

    @Test
    void businessRefusalsKeepTheirCodes() throws Exception {
        RootContext.bind(XID);
        doThrow(new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_USER", "no points account for user 7"))
                .when(action).tryReward(null, "PAY-1", 1001L, 7L, 25L);
        postReward(BODY).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_USER"));

        doThrow(new ApiException(HttpStatus.CONFLICT, "REWARD_MISMATCH", "payment PAY-1 already grants 30 points"))
                .when(action).tryReward(null, "PAY-1", 1001L, 7L, 25L);
        postReward(BODY).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("REWARD_MISMATCH"));
    }

    private ResultActions postReward(String body) throws Exception {
        return mvc.perform(post("/internal/points/rewards").contentType(MediaType.APPLICATION_JSON).content(body));
    }
}

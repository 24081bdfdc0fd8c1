package io.mallpay.points.account;

import io.mallpay.common.web.ApiException;
import io.mallpay.common.web.ProblemHandler;
import io.mallpay.points.api.PointsClient.UserAccount;
import io.mallpay.points.api.PointsClient.UserImportResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The HTTP face of {@code PointsClient}: paths, bodies, validation and error codes. */
@WebMvcTest(InternalPointsController.class)
@Import(ProblemHandler.class)
class InternalPointsControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockBean
    private PointsService points;

    @Test
    void freezePassesTheRequestToTheService() throws Exception {
        postJson("/internal/points/freezes", "{\"orderId\":1001,\"userId\":7,\"points\":30}")
                .andExpect(status().isOk());

        verify(points).freeze(1001L, 7L, 30L);
    }

    @Test
    void negativeFreezeIsAValidationFailure() throws Exception {
        postJson("/internal/points/freezes", "{\"orderId\":1001,\"userId\":7,\"points\":-1}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));

        verifyNoInteractions(points);
    }

    @Test
    void notEnoughPointsIsAConflictWithItsCode() throws Exception {
        doThrow(new ApiException(HttpStatus.CONFLICT, "NOT_ENOUGH_POINTS", "user 7 has 10 points available, 30 requested"))
                .when(points).freeze(1001L, 7L, 30L);

        postJson("/internal/points/freezes", "{\"orderId\":1001,\"userId\":7,\"points\":30}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOT_ENOUGH_POINTS"))
                .andExpect(jsonPath("$.detail").value("user 7 has 10 points available, 30 requested"));
    }

    @Test
    void spendAndUnfreezeTakeTheOrderFromThePath() throws Exception {
        mvc.perform(post("/internal/points/freezes/1001/spend")).andExpect(status().isOk());
        mvc.perform(post("/internal/points/freezes/1002/unfreeze")).andExpect(status().isOk());

        verify(points).spend(1001L);
        verify(points).unfreeze(1002L);
    }

    @Test
    void spendOfAReleasedFreezeIsAConflict() throws Exception {
        doThrow(new ApiException(HttpStatus.CONFLICT, "FREEZE_RELEASED", "released")).when(points).spend(1001L);

        mvc.perform(post("/internal/points/freezes/1001/spend"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("FREEZE_RELEASED"));
    }

    @Test
    void aNonNumericOrderIdIsAValidationFailure() throws Exception {
        mvc.perform(post("/internal/points/freezes/abc/unfreeze"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));

        verify(points, never()).unfreeze(anyLong());
    }

    @Test
    void awardPassesTheReason() throws Exception {
        postJson("/internal/points/awards", "{\"orderId\":1001,\"userId\":7,\"points\":25,\"reason\":\"CONSUMPTION\"}")
                .andExpect(status().isOk());

        verify(points).award(1001L, 7L, 25L, "CONSUMPTION");
    }

    @Test
    void awardWithoutReasonOrPointsIsAValidationFailure() throws Exception {
        postJson("/internal/points/awards", "{\"orderId\":1001,\"userId\":7,\"points\":0,\"reason\":\" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value(allOf(containsString("points"), containsString("reason"))));

        verifyNoInteractions(points);
    }

    @Test
    void aKnownUserIsAnsweredAndAnUnknownOneIsNotFound() throws Exception {
        mvc.perform(get("/internal/users/7")).andExpect(status().isOk()).andExpect(jsonPath("$.userId").value(7));
        when(points.requireUser(8L)).thenThrow(
                new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_USER", "no points account for user 8"));

        mvc.perform(get("/internal/users/8"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNKNOWN_USER"));
    }

    @Test
    void aUserIdThatIsNotANumberIsABadRequest() throws Exception {
        mvc.perform(get("/internal/users/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        verifyNoInteractions(points);
    }

    @Test
    void unknownUserOnAwardIsNotFound() throws Exception {
        doThrow(new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_USER", "no points account for user 7"))
                .when(points).award(1001L, 7L, 25L, "CONSUMPTION");

        postJson("/internal/points/awards", "{\"orderId\":1001,\"userId\":7,\"points\":25,\"reason\":\"CONSUMPTION\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_USER"));
    }

    @Test
    void importAnswersTheCounts() throws Exception {
        when(points.importUsers(List.of(new UserAccount(1L, 100), new UserAccount(2L, 0))))
                .thenReturn(new UserImportResponse(1, 1));

        postJson("/internal/users/import",
                "{\"users\":[{\"userId\":1,\"openingPoints\":100},{\"userId\":2,\"openingPoints\":0}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(1))
                .andExpect(jsonPath("$.unchanged").value(1));
    }

    @Test
    void importOfNoUsersOrANegativeBalanceIsAValidationFailure() throws Exception {
        postJson("/internal/users/import", "{\"users\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        postJson("/internal/users/import", "{\"users\":[{\"userId\":1,\"openingPoints\":-5}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));

        verifyNoInteractions(points);
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}

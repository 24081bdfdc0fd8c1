package io.mallpay.points.account;

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

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The storefront's balance endpoint, a public contract: its JSON shape must not drift. */
@WebMvcTest(PointsBalanceController.class)
@Import(ProblemHandler.class)
class PointsBalanceControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockBean
    private PointsService points;

    @Test
    void answersAvailableAndFrozen() throws Exception {
        when(points.balance(7L)).thenReturn(new PointsBalanceResponse(7L, 120, 30));

        mvc.perform(get("/api/users/7/points"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"userId\":7,\"available\":120,\"frozen\":30}", true));
    }

    @Test
    void pendingRewardPointsAreAddedOnlyWhenThereAreSome() throws Exception {
        when(points.balance(7L)).thenReturn(new PointsBalanceResponse(7L, 120, 30, 40));

        mvc.perform(get("/api/users/7/points"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"userId\":7,\"available\":120,\"frozen\":30,\"rewardPendingPoints\":40}", true));
    }

    @Test
    void unknownUserIsAProblemWithItsCode() throws Exception {
        when(points.balance(8L)).thenThrow(new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_USER", "no points account for user 8"));

        mvc.perform(get("/api/users/8/points"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNKNOWN_USER"));
    }
}

package io.mallpay.fund.account;

import io.mallpay.common.web.ApiException;
import io.mallpay.common.web.ProblemHandler;
import io.mallpay.fund.FundMother;
import io.mallpay.fund.api.FundAccountClient.AccountStatus;
import io.mallpay.fund.api.FundAccountClient.OwnerType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static io.mallpay.fund.FundMother.MERCHANT;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Account reads and the operator's freeze over HTTP: JSON shape, owner types, codes. */
@WebMvcTest({FundAccountController.class, WalletController.class})
@Import(ProblemHandler.class)
class FundAccountControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockBean
    private FundAccountService accounts;

    @Test
    void answersTheBalancesInPence() throws Exception {
        when(accounts.view(OwnerType.MERCHANT, MERCHANT)).thenReturn(FundMother.merchantAccount(9_000, 1_500));

        mvc.perform(get("/internal/fund/accounts/MERCHANT/" + MERCHANT))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"ownerType\":\"MERCHANT\",\"ownerId\":\"M-ONLINE-RETAIL\",\"status\":\"ACTIVE\","
                        + "\"availableCents\":9000,\"incomingCents\":1500,\"outgoingCents\":0}", true));
    }

    @Test
    void anUnknownAccountIsNotFound() throws Exception {
        when(accounts.view(OwnerType.USER, "8"))
                .thenThrow(new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_FUND_ACCOUNT", "no fund account for USER 8"));

        mvc.perform(get("/internal/fund/accounts/USER/8"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNKNOWN_FUND_ACCOUNT"));
    }

    @Test
    void anUnknownOwnerTypeIsAValidationFailure() throws Exception {
        mvc.perform(get("/internal/fund/accounts/BANK/1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));

        verifyNoInteractions(accounts);
    }

    @Test
    void freezingAnswersTheAccount() throws Exception {
        when(accounts.changeStatus(OwnerType.USER, "7", AccountStatus.FROZEN))
                .thenReturn(FundMother.wallet(AccountStatus.FROZEN, 300, 0));

        mvc.perform(put("/internal/fund/accounts/USER/7/status")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"FROZEN\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FROZEN"))
                .andExpect(jsonPath("$.availableCents").value(300));
    }

    @Test
    void aStatusThatIsMissingOrUnknownIsAValidationFailure() throws Exception {
        mvc.perform(put("/internal/fund/accounts/USER/7/status").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(put("/internal/fund/accounts/USER/7/status")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CLOSED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));

        verifyNoInteractions(accounts);
    }

    @Test
    void theStorefrontWalletIsTheUsersAccount() throws Exception {
        when(accounts.view(OwnerType.USER, "7")).thenReturn(FundMother.wallet(AccountStatus.ACTIVE, 5_000, 1_200));

        mvc.perform(get("/api/users/7/wallet"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"ownerType\":\"USER\",\"ownerId\":\"7\",\"status\":\"ACTIVE\","
                        + "\"availableCents\":5000,\"incomingCents\":0,\"outgoingCents\":1200}", true));
    }

    @Test
    void aUserWithoutWalletIsNotFoundAndANonNumericUserIsInvalid() throws Exception {
        when(accounts.view(OwnerType.USER, "8"))
                .thenThrow(new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_FUND_ACCOUNT", "no fund account for USER 8"));

        mvc.perform(get("/api/users/8/wallet"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_FUND_ACCOUNT"));
        mvc.perform(get("/api/users/abc/wallet"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }
}

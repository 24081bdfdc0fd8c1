package io.mallpay.fund.tcc;

import io.mallpay.common.web.ApiException;
import io.mallpay.common.web.ProblemHandler;
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

import static io.mallpay.fund.FundMother.MERCHANT;
import static io.mallpay.fund.FundMother.PAYMENT;
import static io.mallpay.fund.FundMother.USER;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP face of the TCC tries: paths, bodies, validation, the global-transaction requirement
 * and the codes. (The Seata starter binds the XID from the {@code TX_XID} header; with Seata off in
 * slices, the test binds it the same way, on the request thread.)
 */
@WebMvcTest(FundTccController.class)
@Import(ProblemHandler.class)
class FundTccControllerTest {

    private static final String CREDIT = "{\"paymentId\":\"" + PAYMENT + "\",\"merchantId\":\"" + MERCHANT + "\",\"amountCents\":5000}";
    private static final String DEBIT = "{\"paymentId\":\"" + PAYMENT + "\",\"userId\":7,\"amountCents\":1200}";

    @Autowired
    private MockMvc mvc;

    @MockBean
    private FundAccountCreditAction credit;
    @MockBean
    private FundAccountDebitAction debit;

    @AfterEach
    void noGlobalTransaction() {
        RootContext.unbind();
    }

    @Test
    void creditInsideAGlobalTransactionCallsTheProxiedTry() throws Exception {
        RootContext.bind("192.168.0.1:8091:42");

        postJson("/internal/fund/credits", CREDIT)
                .andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"TRIED\"}", true));

        verify(credit).tryCredit(null, PAYMENT, MERCHANT, 5_000L);
    }

    @Test
    void debitInsideAGlobalTransactionCallsTheProxiedTry() throws Exception {
        RootContext.bind("192.168.0.1:8091:43");

        postJson("/internal/fund/debits", DEBIT)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("TRIED"));

        verify(debit).tryDebit(null, PAYMENT, USER, 1_200L);
    }

    @Test
    void withoutAGlobalTransactionNothingIsTried() throws Exception {
        postJson("/internal/fund/credits", CREDIT)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NO_GLOBAL_TRANSACTION"));
        postJson("/internal/fund/debits", DEBIT)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("NO_GLOBAL_TRANSACTION"));

        verifyNoInteractions(credit, debit);
    }

    @Test
    void aBadCreditIsAValidationFailureNamingTheFields() throws Exception {
        RootContext.bind("192.168.0.1:8091:44");
        String tooLong = "P".repeat(65);

        postJson("/internal/fund/credits", "{\"paymentId\":\"" + tooLong + "\",\"merchantId\":\" \",\"amountCents\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value(allOf(
                        containsString("paymentId"), containsString("merchantId"), containsString("amountCents"))));

        verifyNoInteractions(credit);
    }

    @Test
    void aDebitWithoutUserOrWithANegativeAmountIsAValidationFailure() throws Exception {
        RootContext.bind("192.168.0.1:8091:45");

        postJson("/internal/fund/debits", "{\"paymentId\":\"" + PAYMENT + "\",\"amountCents\":-1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("userId"), containsString("amountCents"))));

        verifyNoInteractions(debit);
    }

    @Test
    void aTryRefusedByTheFenceIsTccSuspended() throws Exception {
        RootContext.bind("192.168.0.1:8091:46");
        when(credit.tryCredit(null, PAYMENT, MERCHANT, 5_000L)).thenThrow(new CommonFenceException(
                "Insert tcc fence record duplicate key exception", FrameworkErrorCode.DuplicateKeyException));

        postJson("/internal/fund/credits", CREDIT)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TCC_SUSPENDED"))
                .andExpect(jsonPath("$.detail").value(allOf(containsString("192.168.0.1:8091:46"), containsString(PAYMENT))));
    }

    @Test
    void businessRefusalsKeepTheirCodes() throws Exception {
        RootContext.bind("192.168.0.1:8091:47");
        when(debit.tryDebit(null, PAYMENT, USER, 1_200L)).thenThrow(
                new ApiException(HttpStatus.CONFLICT, "INSUFFICIENT_FUNDS", "USER 7 has 100 pence available, 1200 requested"));
        when(credit.tryCredit(null, PAYMENT, MERCHANT, 5_000L)).thenThrow(
                new ApiException(HttpStatus.CONFLICT, "FUND_ACCOUNT_FROZEN", "frozen"));

        postJson("/internal/fund/debits", DEBIT)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("INSUFFICIENT_FUNDS"));
        postJson("/internal/fund/credits", CREDIT)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("FUND_ACCOUNT_FROZEN"));
    }

    @Test
    void anUnknownWalletIsNotFound() throws Exception {
        RootContext.bind("192.168.0.1:8091:48");
        when(debit.tryDebit(null, PAYMENT, USER, 1_200L)).thenThrow(
                new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_FUND_ACCOUNT", "no fund account for USER 7"));

        postJson("/internal/fund/debits", DEBIT)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_FUND_ACCOUNT"));
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}

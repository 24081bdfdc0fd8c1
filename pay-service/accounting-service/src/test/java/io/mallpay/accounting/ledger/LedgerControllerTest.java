package io.mallpay.accounting.ledger;

import io.mallpay.common.web.ProblemHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The trial balance and stats JSON, which the integration tests and the replay tool read. */
@WebMvcTest(LedgerController.class)
@Import(ProblemHandler.class)
class LedgerControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockBean
    private LedgerService ledger;

    @Test
    void trialBalance() throws Exception {
        when(ledger.trialBalance()).thenReturn(new TrialBalanceResponse(
                List.of(new AccountBalanceResponse("1002", "BANK_CLEARING", 1000, 0),
                        new AccountBalanceResponse("2202", "MERCHANT_PAYABLE", 0, 1000)),
                1000, 1000, true, 1, List.of()));

        mvc.perform(get("/api/accounting/trial-balance"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"accounts":[{"accountCode":"1002","accountName":"BANK_CLEARING","debitCents":1000,"creditCents":0},
                                     {"accountCode":"2202","accountName":"MERCHANT_PAYABLE","debitCents":0,"creditCents":1000}],
                         "totalDebitCents":1000,"totalCreditCents":1000,"balanced":true,"voucherCount":1,
                         "unbalancedVouchers":[]}
                        """, true));
    }

    @Test
    void stats() throws Exception {
        when(ledger.stats()).thenReturn(new StatsResponse(3, Instant.parse("2026-11-21T10:00:00.250Z")));

        mvc.perform(get("/api/accounting/stats"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"voucherCount\":3,\"lastVoucherAt\":\"2026-11-21T10:00:00.250Z\"}", true));
    }

    @Test
    void statsBeforeTheFirstVoucher() throws Exception {
        when(ledger.stats()).thenReturn(new StatsResponse(0, null));

        mvc.perform(get("/api/accounting/stats"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"voucherCount\":0,\"lastVoucherAt\":null}", true));
    }
}

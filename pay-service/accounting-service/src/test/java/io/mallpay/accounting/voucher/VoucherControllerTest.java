package io.mallpay.accounting.voucher;

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

import java.time.Instant;
import java.util.List;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The voucher endpoints' paths, parameters and JSON shape. */
@WebMvcTest(VoucherController.class)
@Import(ProblemHandler.class)
class VoucherControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockBean
    private VoucherService vouchers;

    private static final VoucherResponse VOUCHER = new VoucherResponse(42, "P1", 1001, "M1", "WALLET", 5500, 110, "0.0200",
            "MSG1", Instant.parse("2026-11-21T10:15:30.123Z"), Instant.parse("2026-11-21T10:15:31Z"), List.of(
            new VoucherLineResponse(1, "2203", "USER_WALLET", "DEBIT", 5500, "7"),
            new VoucherLineResponse(2, "2202", "MERCHANT_PAYABLE", "CREDIT", 5390, "M1"),
            new VoucherLineResponse(3, "6001", "COMMISSION_REVENUE", "CREDIT", 110, null)));

    @Test
    void voucherOfAPayment() throws Exception {
        when(vouchers.find("P1")).thenReturn(VOUCHER);

        mvc.perform(get("/api/accounting/vouchers/P1"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"voucherId":42,"paymentId":"P1","orderId":1001,"merchantId":"M1","method":"WALLET",
                         "amountCents":5500,"commissionCents":110,"commissionRate":"0.0200","messageId":"MSG1",
                         "paidAt":"2026-11-21T10:15:30.123Z","createdAt":"2026-11-21T10:15:31Z","lines":[
                          {"lineNo":1,"accountCode":"2203","accountName":"USER_WALLET","direction":"DEBIT","amountCents":5500,"counterparty":"7"},
                          {"lineNo":2,"accountCode":"2202","accountName":"MERCHANT_PAYABLE","direction":"CREDIT","amountCents":5390,"counterparty":"M1"},
                          {"lineNo":3,"accountCode":"6001","accountName":"COMMISSION_REVENUE","direction":"CREDIT","amountCents":110,"counterparty":null}]}
                        """, true));
    }

    @Test
    void unknownVoucherIsAProblem() throws Exception {
        when(vouchers.find("P404")).thenThrow(new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_VOUCHER", "no voucher"));

        mvc.perform(get("/api/accounting/vouchers/P404"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNKNOWN_VOUCHER"));
    }

    @Test
    void pageDefaultsToTheFirstHundred() throws Exception {
        when(vouchers.page(0, 100)).thenReturn(new VoucherPageResponse(List.of(VOUCHER), null));

        mvc.perform(get("/api/accounting/vouchers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vouchers[0].paymentId").value("P1"))
                .andExpect(jsonPath("$.nextAfterId").isEmpty());
    }

    @Test
    void pageParametersArePassedOn() throws Exception {
        when(vouchers.page(42, 1)).thenReturn(new VoucherPageResponse(List.of(VOUCHER), 42L));

        mvc.perform(get("/api/accounting/vouchers").param("limit", "1").param("afterId", "42"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nextAfterId").value(42));
    }

    @Test
    void nonNumericLimitIsAValidationProblem() throws Exception {
        mvc.perform(get("/api/accounting/vouchers").param("limit", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }
}

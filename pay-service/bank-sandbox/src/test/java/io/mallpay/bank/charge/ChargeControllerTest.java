package io.mallpay.bank.charge;

import io.mallpay.bank.problem.BankException;
import io.mallpay.bank.signature.BankSignature;
import io.mallpay.bank.signature.BankSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Clock;
import java.time.Instant;

import static io.mallpay.bank.charge.Charges.BANK_TXN_ID;
import static io.mallpay.bank.charge.Charges.CHARGE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ChargeController.class)
@Import(ChargeControllerTest.Signing.class)
class ChargeControllerTest {

    private static final String SECRET = "controller-test-secret";
    private static final String VALID = """
            {"chargeId":"PAY-1001","cardNumber":"4000000000000002","amountCents":2599,
             "merchantRef":"seller-42","callbackUrl":"http://127.0.0.1:8085/internal/bank/callbacks"}""";

    @TestConfiguration
    static class Signing {
        @Bean
        BankSigner bankSigner() {
            return new BankSigner(new BankSignature(SECRET), Clock.systemUTC());
        }
    }

    @Autowired
    private MockMvc mvc;
    @MockBean
    private ChargeService charges;

    @Test
    void aSubmissionIsAcceptedWith202AndTheBanksReference() throws Exception {
        when(charges.submit(Charges.request()))
                .thenReturn(new ChargeAcceptedResponse(CHARGE_ID, BANK_TXN_ID, ChargeStatus.ACCEPTED));

        mvc.perform(post("/bank/charges").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isAccepted())
                .andExpect(content().json("""
                        {"chargeId":"PAY-1001","bankTxnId":"BTX-0b1c","status":"ACCEPTED"}""", true));
    }

    @Test
    void aZeroAmountAndABadCallbackUrlFailValidationWithACode() throws Exception {
        String invalid = VALID.replace("2599", "0").replace("http://127.0.0.1", "ftp://127.0.0.1");

        mvc.perform(post("/bank/charges").contentType(MediaType.APPLICATION_JSON).content(invalid))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("amountCents")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("callbackUrl")));
        verify(charges, never()).submit(any());
    }

    @Test
    void anUnreadableBodyFailsValidationWithACode() throws Exception {
        mvc.perform(post("/bank/charges").contentType(MediaType.APPLICATION_JSON).content("{\"chargeId\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void aReusedChargeIdWithAnotherBodyIs409ChargeConflict() throws Exception {
        when(charges.submit(any())).thenThrow(new BankException(HttpStatus.CONFLICT, "CHARGE_CONFLICT", "different body"));

        mvc.perform(post("/bank/charges").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CHARGE_CONFLICT"));
    }

    @Test
    void theStatusOfAnUnknownChargeIs404UnknownCharge() throws Exception {
        when(charges.status("nope")).thenThrow(BankException.unknownCharge("nope"));

        mvc.perform(get("/bank/charges/nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_CHARGE"));
    }

    @Test
    void theStatusAnswerIsSignedOverItsExactBody() throws Exception {
        when(charges.status(CHARGE_ID)).thenReturn(new ChargeStatusResponse(CHARGE_ID, BANK_TXN_ID,
                ChargeStatus.SUCCEEDED, 2599, "4000000000000002", Instant.parse("2024-05-01T10:15:30.123Z")));

        MvcResult result = mvc.perform(get("/bank/charges/" + CHARGE_ID))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn();

        String body = result.getResponse().getContentAsString();
        assertThat(body).isEqualTo("{\"chargeId\":\"PAY-1001\",\"bankTxnId\":\"BTX-0b1c\",\"status\":\"SUCCEEDED\","
                + "\"amountCents\":2599,\"cardNumber\":\"4000000000000002\",\"decidedAt\":\"2024-05-01T10:15:30.123Z\"}");
        long timestamp = Long.parseLong(result.getResponse().getHeader("X-Bank-Timestamp"));
        String nonce = result.getResponse().getHeader("X-Bank-Nonce");
        String signature = result.getResponse().getHeader("X-Bank-Signature");
        assertThat(new BankSignature(SECRET).verify(timestamp, nonce, body, signature)).isTrue();
        assertThat(new BankSignature("wrong-secret").verify(timestamp, nonce, body, signature)).isFalse();
    }
}

package io.mallpay.accounting.deadletter;

import io.mallpay.accounting.voucher.PaymentPaidEventParser;
import io.mallpay.accounting.voucher.VoucherFactory;
import io.mallpay.common.web.ApiException;
import io.mallpay.common.web.ProblemHandler;
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
import org.springframework.transaction.support.TransactionOperations;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.mallpay.accounting.AccountingMother.card;
import static io.mallpay.accounting.AccountingMother.json;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dead-letter endpoints through the real {@link DeadLetterService}; only the DLQ reader, the
 * producer and the database are mocked.
 */
@WebMvcTest(DeadLetterController.class)
@Import({ProblemHandler.class, DeadLetterService.class, VoucherFactory.class, PaymentPaidEventParser.class,
        DeadLetterControllerTest.NoTransactions.class})
class DeadLetterControllerTest {

    @TestConfiguration
    static class NoTransactions {
        @Bean
        TransactionOperations transactionOperations() {
            return TransactionOperations.withoutTransaction();
        }
    }

    private static final DeadLetter POISON = new DeadLetter("m1", "P1", Instant.parse("2026-11-21T10:00:00.500Z"), 0, "{broken");

    @Autowired
    private MockMvc mvc;

    @MockBean
    private DeadLetterReader reader;
    @MockBean
    private MessageRepublisher republisher;
    @MockBean
    private DeadLetterRedriveMapper redrives;
    @MockBean
    private PoisonLog poisonLog;

    @Test
    void listsDeadLettersWithTheirReason() throws Exception {
        when(reader.readAll()).thenReturn(List.of(POISON));
        when(poisonLog.reasons(anyCollection())).thenReturn(Map.of("m1", "unreadable JSON"));

        mvc.perform(get("/api/accounting/dead-letters"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"messageId":"m1","key":"P1","bornAt":"2026-11-21T10:00:00.500Z","reconsumeTimes":0,
                          "body":"{broken","reason":"unreadable JSON"}]
                        """, true));
    }

    @Test
    void redriveWithoutABodyRepublishesTheOriginal() throws Exception {
        when(reader.readAll()).thenReturn(List.of(POISON));
        when(republisher.republish("P1", "{broken", "m1")).thenReturn("m1-new");

        mvc.perform(post("/api/accounting/dead-letters/m1/redrive"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"messageId\":\"m1\",\"newMessageId\":\"m1-new\"}", true));
    }

    @Test
    void redriveWithACorrectedBody() throws Exception {
        String corrected = json(card());
        when(reader.readAll()).thenReturn(List.of(POISON));
        when(republisher.republish("P1", corrected, "m1")).thenReturn("m1-new");

        mvc.perform(post("/api/accounting/dead-letters/m1/redrive").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":" + quote(corrected) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.newMessageId").value("m1-new"));
        verify(republisher).republish("P1", corrected, "m1");
    }

    @Test
    void anInvalidCorrectionIsABadRequest() throws Exception {
        mvc.perform(post("/api/accounting/dead-letters/m1/redrive").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"{still broken\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_REDRIVE_BODY"));
        verifyNoInteractions(republisher);
    }

    @Test
    void unknownDeadLetterIsNotFound() throws Exception {
        when(reader.readAll()).thenReturn(List.of(POISON));

        mvc.perform(post("/api/accounting/dead-letters/nope/redrive"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_DEAD_LETTER"));
    }

    @Test
    void secondRedriveIsAConflict() throws Exception {
        when(redrives.selectById("m1")).thenReturn(DeadLetterRedrive.claim("m1", false));

        mvc.perform(post("/api/accounting/dead-letters/m1/redrive"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALREADY_REDRIVEN"));
    }

    @Test
    void unreadableQueueIsServiceUnavailable() throws Exception {
        when(reader.readAll()).thenThrow(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "BROKER_UNAVAILABLE", "no route"));

        mvc.perform(get("/api/accounting/dead-letters"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("BROKER_UNAVAILABLE"));
    }

    @Test
    void refusedRepublicationIsServiceUnavailable() throws Exception {
        when(reader.readAll()).thenReturn(List.of(POISON));
        when(republisher.republish(any(), anyString(), anyString()))
                .thenThrow(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "BROKER_UNAVAILABLE", "refused"));

        mvc.perform(post("/api/accounting/dead-letters/m1/redrive"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("BROKER_UNAVAILABLE"));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

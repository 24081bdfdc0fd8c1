package io.mallpay.accounting.deadletter;

import io.mallpay.accounting.voucher.PaymentPaidEventParser;
import io.mallpay.accounting.voucher.VoucherFactory;
import io.mallpay.common.web.ApiException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static io.mallpay.accounting.AccountingMother.card;
import static io.mallpay.accounting.AccountingMother.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Listing and re-driving dead letters, with the DLQ reader and the producer mocked. */
class DeadLetterServiceTest {

    private static final Instant BORN = Instant.parse("2026-11-21T10:00:00Z");
    private static final DeadLetter POISON = new DeadLetter("m1", "P1", BORN, 0, "{broken");
    private static final DeadLetter EXHAUSTED = new DeadLetter("m2", "P2", BORN, 16, "{\"paymentId\":\"P2\"}");
    private static final DeadLetter REDRIVEN = new DeadLetter("m3", "P3", BORN, 0, "{}");

    private final DeadLetterReader reader = mock(DeadLetterReader.class);
    private final MessageRepublisher republisher = mock(MessageRepublisher.class);
    private final DeadLetterRedriveMapper redrives = mock(DeadLetterRedriveMapper.class);
    private final PoisonLog poisonLog = mock(PoisonLog.class);
    private final DeadLetterService service = new DeadLetterService(reader, republisher, redrives, poisonLog,
            new VoucherFactory(new PaymentPaidEventParser()), TransactionOperations.withoutTransaction());

    @Test
    void listsDeadLettersNotYetRedrivenWithTheirReasonOncePerId() {
        when(reader.readAll()).thenReturn(List.of(POISON, EXHAUSTED, REDRIVEN, POISON));
        when(redrives.selectBatchIds(anyCollection())).thenReturn(List.of(DeadLetterRedrive.claim("m3", false)));
        when(poisonLog.reasons(anyCollection())).thenReturn(Map.of("m1", "unreadable JSON"));

        assertThat(service.list()).containsExactly(
                new DeadLetterResponse("m1", "P1", BORN, 0, "{broken", "unreadable JSON"),
                new DeadLetterResponse("m2", "P2", BORN, 16, "{\"paymentId\":\"P2\"}", null));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<String>> asked = ArgumentCaptor.forClass(Collection.class);
        verify(poisonLog).reasons(asked.capture());
        assertThat(asked.getValue()).containsExactlyInAnyOrder("m1", "m2");
    }

    @Test
    void anEmptyQueueNeedsNoDatabase() {
        when(reader.readAll()).thenReturn(List.of());

        assertThat(service.list()).isEmpty();
        verifyNoInteractions(redrives, poisonLog);
    }

    @Test
    void redriveRepublishesTheOriginalBodyWithItsKeyAndRecordsIt() {
        when(reader.readAll()).thenReturn(List.of(POISON, EXHAUSTED));
        when(republisher.republish("P2", EXHAUSTED.body(), "m2")).thenReturn("m2-new");

        assertThat(service.redrive("m2", null)).isEqualTo(new RedriveResponse("m2", "m2-new"));

        ArgumentCaptor<DeadLetterRedrive> claim = ArgumentCaptor.forClass(DeadLetterRedrive.class);
        verify(redrives).insert(claim.capture());
        assertThat(claim.getValue().getMessageId()).isEqualTo("m2");
        assertThat(claim.getValue().isBodyChanged()).isFalse();
        verify(redrives).recordNewMessageId("m2", "m2-new");
    }

    @Test
    void redriveWithACorrectedBodyPublishesTheCorrection() {
        String corrected = json(card());
        when(reader.readAll()).thenReturn(List.of(POISON));
        when(republisher.republish("P1", corrected, "m1")).thenReturn("m1-new");

        assertThat(service.redrive("m1", corrected).newMessageId()).isEqualTo("m1-new");

        ArgumentCaptor<DeadLetterRedrive> claim = ArgumentCaptor.forClass(DeadLetterRedrive.class);
        verify(redrives).insert(claim.capture());
        assertThat(claim.getValue().isBodyChanged()).isTrue();
    }

    @Test
    void aCorrectionThatCouldNeverBeBookedIsRefusedAndNothingSent() {
        String stillWrong = json(card()).replace("\"commissionCents\":200", "\"commissionCents\":300");

        assertThatThrownBy(() -> service.redrive("m1", stillWrong)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("INVALID_REDRIVE_BODY");
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.getMessage()).contains("!= commissionCents 300");
        });
        verifyNoInteractions(republisher);
        verify(redrives, never()).insert(any(DeadLetterRedrive.class));
    }

    @Test
    void anUnknownDeadLetterIsNotFound() {
        when(reader.readAll()).thenReturn(List.of(POISON));

        assertThatThrownBy(() -> service.redrive("m404", null)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("UNKNOWN_DEAD_LETTER");
            assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
        });
        verifyNoInteractions(republisher);
    }

    @Test
    void aSecondRedriveIsAConflictAndDoesNotEvenReadTheQueue() {
        when(redrives.selectById("m3")).thenReturn(DeadLetterRedrive.claim("m3", false));

        assertThatThrownBy(() -> service.redrive("m3", null)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("ALREADY_REDRIVEN");
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
        });
        verifyNoInteractions(reader, republisher);
    }

    @Test
    void losingAConcurrentRedriveIsAConflictAndSendsNothing() {
        when(reader.readAll()).thenReturn(List.of(POISON));
        when(redrives.insert(any(DeadLetterRedrive.class))).thenThrow(new DuplicateKeyException("PRIMARY"));

        assertThatThrownBy(() -> service.redrive("m1", null)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("ALREADY_REDRIVEN"));
        verifyNoInteractions(republisher);
    }

    @Test
    void aBrokerFailureLeavesTheRedriveUnrecorded() {
        when(reader.readAll()).thenReturn(List.of(POISON));
        when(republisher.republish(any(), anyString(), anyString())).thenThrow(
                new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "BROKER_UNAVAILABLE", "no route"));

        assertThatThrownBy(() -> service.redrive("m1", null)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("BROKER_UNAVAILABLE"));
        verify(redrives, never()).recordNewMessageId(anyString(), anyString());
    }
}

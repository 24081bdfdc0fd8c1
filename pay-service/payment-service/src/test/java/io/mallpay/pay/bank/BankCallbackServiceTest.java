package io.mallpay.pay.bank;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mallpay.common.web.ApiException;
import io.mallpay.pay.api.notify.NotificationSignature;
import io.mallpay.pay.payment.Payment;
import io.mallpay.pay.payment.PaymentMapper;
import io.mallpay.pay.payment.Payments;
import io.mallpay.pay.settings.PaymentSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DuplicateKeyException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class BankCallbackServiceTest {

    private static final String SECRET = "bank-secret";
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String TS = Long.toString(NOW.toEpochMilli());

    private final BankCallbackMapper callbacks = mock(BankCallbackMapper.class);
    private final PaymentMapper payments = mock(PaymentMapper.class);
    private final BankResults results = mock(BankResults.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private BankCallbackService service;

    @BeforeEach
    void setUp() {
        PaymentSettings settings = new PaymentSettings();
        settings.setBankSecret(SECRET);
        service = new BankCallbackService(settings, callbacks, payments, results, new ObjectMapper(), meters,
                Clock.fixed(NOW, ZoneOffset.UTC));
        when(payments.selectById("P1")).thenReturn(Payments.card("P1", 1_250));
    }

    private static String body(long amount, String merchant) {
        return "{\"chargeId\":\"P1\",\"bankTxnId\":\"B1\",\"status\":\"SUCCEEDED\",\"amountCents\":" + amount
                + ",\"merchantRef\":\"" + merchant + "\",\"decidedAt\":\"2026-11-21T09:59:59.000Z\"}";
    }

    private static String sign(String body, String nonce) {
        return NotificationSignature.sign(SECRET, TS, nonce, body);
    }

    private BankCallbackRecord recorded() {
        ArgumentCaptor<BankCallbackRecord> rec = ArgumentCaptor.forClass(BankCallbackRecord.class);
        verify(callbacks).insert(rec.capture());
        return rec.getValue();
    }

    @Test
    void anAuthenticSuccessCompletesThePayment() {
        String body = body(1_250, "M-ONLINE-RETAIL");
        when(results.apply(any(), any(), eq("callback"))).thenReturn(Payment.PAID);
        BankCallbackService.Answer a = service.handle(TS, "n1", sign(body, "n1"), body);
        assertThat(a.outcome()).isEqualTo("ACCEPTED");
        assertThat(a.paymentStatus()).isEqualTo("PAID");
        assertThat(recorded().getOutcome()).isEqualTo("ACCEPTED");
    }

    @Test
    void aForgedSignatureIsRejectedRecordedAndChangesNothing() {
        String body = body(1_250, "M-ONLINE-RETAIL");
        String forged = NotificationSignature.sign("not-the-bank", TS, "n1", body);
        assertThatThrownBy(() -> service.handle(TS, "n1", forged, body))
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).code()).isEqualTo("BAD_SIGNATURE");
        BankCallbackRecord r = recorded();
        assertThat(r.getOutcome()).isEqualTo("REJECTED");
        assertThat(r.getReason()).isEqualTo("BAD_SIGNATURE");
        assertThat(r.getBody()).isEqualTo(body);
        verify(results, never()).apply(any(), any(), any());
        verify(callbacks, never()).insertNonce(any());
    }

    @Test
    void aTamperedAmountBreaksTheSignature() {
        String genuine = body(1_250, "M-ONLINE-RETAIL");
        String tampered = body(1, "M-ONLINE-RETAIL");
        assertThatThrownBy(() -> service.handle(TS, "n1", sign(genuine, "n1"), tampered))
                .extracting(e -> ((ApiException) e).code()).isEqualTo("BAD_SIGNATURE");
        verify(results, never()).apply(any(), any(), any());
    }

    @Test
    void aReplayedNonceIsRejected() {
        String body = body(1_250, "M-ONLINE-RETAIL");
        when(callbacks.insertNonce("n1")).thenThrow(new DuplicateKeyException("dup"));
        assertThatThrownBy(() -> service.handle(TS, "n1", sign(body, "n1"), body))
                .extracting(e -> ((ApiException) e).code()).isEqualTo("REPLAYED_NONCE");
        assertThat(recorded().getReason()).isEqualTo("REPLAYED_NONCE");
        verify(results, never()).apply(any(), any(), any());
    }

    @Test
    void aStaleTimestampIsRejected() {
        String body = body(1_250, "M-ONLINE-RETAIL");
        String old = Long.toString(NOW.minusSeconds(600).toEpochMilli());
        String sig = NotificationSignature.sign(SECRET, old, "n1", body);
        assertThatThrownBy(() -> service.handle(old, "n1", sig, body))
                .extracting(e -> ((ApiException) e).code()).isEqualTo("STALE_TIMESTAMP");
    }

    @Test
    void anUnknownPaymentAndASignedWrongAmountOrMerchantAreRejected() {
        String unknown = body(1_250, "M-ONLINE-RETAIL").replace("\"P1\"", "\"P404\"");
        assertThatThrownBy(() -> service.handle(TS, "n1", sign(unknown, "n1"), unknown))
                .extracting(e -> ((ApiException) e).code()).isEqualTo("UNKNOWN_PAYMENT");
        String amount = body(999, "M-ONLINE-RETAIL");
        assertThatThrownBy(() -> service.handle(TS, "n2", sign(amount, "n2"), amount))
                .extracting(e -> ((ApiException) e).code()).isEqualTo("AMOUNT_MISMATCH");
        String merchant = body(1_250, "M-OTHER");
        assertThatThrownBy(() -> service.handle(TS, "n3", sign(merchant, "n3"), merchant))
                .extracting(e -> ((ApiException) e).code()).isEqualTo("MERCHANT_MISMATCH");
        verify(results, never()).apply(any(), any(), any());
        assertThat(meters.counter("pay.bank.callbacks", "outcome", "REJECTED", "reason", "AMOUNT_MISMATCH").count())
                .isEqualTo(1.0);
    }

    @Test
    void aDuplicateForASettledPaymentIsHarmless() {
        Payment paid = Payments.card("P1", 1_250);
        paid.setStatus(Payment.PAID);
        when(payments.selectById("P1")).thenReturn(paid);
        when(results.apply(any(), any(), any())).thenReturn(Payment.PAID);
        String body = body(1_250, "M-ONLINE-RETAIL");
        assertThat(service.handle(TS, "n9", sign(body, "n9"), body).outcome()).isEqualTo("DUPLICATE");
    }

    @Test
    void aSuccessThatCannotBeCompletedNowAsksTheBankToSendAgain() {
        when(results.apply(any(), any(), any())).thenReturn(Payment.PENDING);
        String body = body(1_250, "M-ONLINE-RETAIL");
        assertThatThrownBy(() -> service.handle(TS, "n1", sign(body, "n1"), body))
                .extracting(e -> ((ApiException) e).code()).isEqualTo("COMPLETION_DEFERRED");
    }
}

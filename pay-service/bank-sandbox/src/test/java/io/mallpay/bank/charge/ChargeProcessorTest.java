package io.mallpay.bank.charge;

import io.mallpay.bank.callback.Callback;
import io.mallpay.bank.callback.CallbackDispatcher;
import io.mallpay.bank.sandbox.CallbackMode;
import io.mallpay.bank.sandbox.CallbackModeSettings;
import io.mallpay.bank.sandbox.ModeSetting;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

import static io.mallpay.bank.charge.Charges.CARD;
import static io.mallpay.bank.charge.Charges.CHARGE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ChargeProcessorTest {

    private final ChargeDecider decider = mock(ChargeDecider.class);
    private final CallbackDispatcher dispatcher = mock(CallbackDispatcher.class);
    private final CallbackModeSettings modes = new CallbackModeSettings();

    @Test
    void aDecidedChargeIsDispatchedWithItsRecordedModeAndTheCardsDelay() {
        Charge charge = Charges.accepted();
        charge.setCallbackMode(CallbackMode.LATE);
        charge.setStatus(ChargeStatus.SUCCEEDED);
        charge.setDecidedAt(Instant.parse("2024-05-01T10:15:30.123Z"));
        when(decider.decide(CHARGE_ID)).thenReturn(Optional.of(charge));
        modes.set(new ModeSetting(CallbackMode.LATE, 1234), CARD);

        new ChargeProcessor(Runnable::run, decider, dispatcher, modes).submit(CHARGE_ID);

        ArgumentCaptor<Callback> callback = ArgumentCaptor.forClass(Callback.class);
        verify(dispatcher).dispatch(callback.capture());
        assertThat(callback.getValue().setting()).isEqualTo(new ModeSetting(CallbackMode.LATE, 1234));
        assertThat(callback.getValue().url()).isEqualTo(Charges.CALLBACK_URL);
        assertThat(callback.getValue().body().status()).isEqualTo("SUCCEEDED");
        assertThat(callback.getValue().body().amountCents()).isEqualTo(Charges.AMOUNT);
        assertThat(callback.getValue().body().merchantRef()).isEqualTo(Charges.MERCHANT_REF);
    }

    @Test
    void nothingToDecideMeansNoCallback() {
        when(decider.decide(anyString())).thenReturn(Optional.empty());

        new ChargeProcessor(Runnable::run, decider, dispatcher, modes).submit(CHARGE_ID);

        verify(dispatcher, never()).dispatch(any());
    }

    @Test
    void aFullQueueLeavesTheChargeForTheSweepInsteadOfFailingTheRequest() {
        ChargeProcessor full = new ChargeProcessor(task -> {
            throw new RejectedExecutionException("queue full");
        }, decider, dispatcher, modes);

        assertThatCode(() -> full.submit(CHARGE_ID)).doesNotThrowAnyException();
        verify(decider, never()).decide(anyString());
    }

    @Test
    void aFailedDecisionIsContained() {
        when(decider.decide(CHARGE_ID)).thenThrow(new IllegalStateException("database down"));

        assertThatCode(() -> new ChargeProcessor(Runnable::run, decider, dispatcher, modes).submit(CHARGE_ID))
                .doesNotThrowAnyException();
        verify(dispatcher, never()).dispatch(any());
    }
}

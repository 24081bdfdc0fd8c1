package io.mallpay.bank.charge;

import io.mallpay.bank.problem.BankException;
import io.mallpay.bank.sandbox.CallbackMode;
import io.mallpay.bank.sandbox.CallbackModeSettings;
import io.mallpay.bank.sandbox.ModeSetting;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;

import static io.mallpay.bank.charge.Charges.AMOUNT;
import static io.mallpay.bank.charge.Charges.BANK_TXN_ID;
import static io.mallpay.bank.charge.Charges.CARD;
import static io.mallpay.bank.charge.Charges.CHARGE_ID;
import static io.mallpay.bank.charge.Charges.accepted;
import static io.mallpay.bank.charge.Charges.request;
import static io.mallpay.bank.charge.Charges.requestFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ChargeServiceTest {

    private final ChargeMapper charges = mock(ChargeMapper.class);
    private final ChargeProcessor processor = mock(ChargeProcessor.class);
    private final CallbackModeSettings modes = new CallbackModeSettings();
    private final ChargeService service = new ChargeService(charges, processor, modes);

    @Test
    void aNewChargeIsRecordedAcceptedAndQueuedForDecision() {
        ChargeAcceptedResponse response = service.submit(request());

        ArgumentCaptor<Charge> inserted = ArgumentCaptor.forClass(Charge.class);
        verify(charges).insert(inserted.capture());
        Charge charge = inserted.getValue();
        assertThat(charge.getStatus()).isEqualTo(ChargeStatus.ACCEPTED);
        assertThat(charge.getAmountCents()).isEqualTo(AMOUNT);
        assertThat(charge.getCallbacksSent()).isZero();
        assertThat(charge.getBankTxnId()).startsWith("BTX-");
        verify(processor).submit(CHARGE_ID);
        assertThat(response).isEqualTo(new ChargeAcceptedResponse(CHARGE_ID, charge.getBankTxnId(), ChargeStatus.ACCEPTED));
    }

    @Test
    void theChargeRecordsTheCallbackModeOfItsCardAtSubmission() {
        modes.set(new ModeSetting(CallbackMode.TWICE, 0), CARD);

        service.submit(request());

        ArgumentCaptor<Charge> inserted = ArgumentCaptor.forClass(Charge.class);
        verify(charges).insert(inserted.capture());
        assertThat(inserted.getValue().getCallbackMode()).isEqualTo(CallbackMode.TWICE);
    }

    @Test
    void theSameRequestAgainGetsTheSameAnswerWithoutASecondDecision() {
        Charge decided = accepted();
        decided.setStatus(ChargeStatus.SUCCEEDED);
        when(charges.selectById(CHARGE_ID)).thenReturn(decided);

        ChargeAcceptedResponse response = service.submit(request());

        assertThat(response).isEqualTo(new ChargeAcceptedResponse(CHARGE_ID, BANK_TXN_ID, ChargeStatus.ACCEPTED));
        verify(charges, never()).insert(any(Charge.class));
        verify(processor, never()).submit(anyString());
    }

    @Test
    void aKnownChargeIdWithAnotherAmountIsAConflict() {
        when(charges.selectById(CHARGE_ID)).thenReturn(accepted());

        assertThatThrownBy(() -> service.submit(requestFor(AMOUNT + 1)))
                .isInstanceOfSatisfying(BankException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.code()).isEqualTo("CHARGE_CONFLICT");
                });
        verify(charges, never()).insert(any(Charge.class));
        verify(processor, never()).submit(anyString());
    }

    @Test
    void aKnownChargeIdWithAnotherCardIsAConflict() {
        when(charges.selectById(CHARGE_ID)).thenReturn(accepted());
        ChargeRequest otherCard = new ChargeRequest(CHARGE_ID, "5555", AMOUNT, Charges.MERCHANT_REF, Charges.CALLBACK_URL);

        assertThatThrownBy(() -> service.submit(otherCard))
                .isInstanceOfSatisfying(BankException.class, e -> assertThat(e.code()).isEqualTo("CHARGE_CONFLICT"));
    }

    @Test
    void aConcurrentSubmissionThatWonTheInsertGetsTheWinnersAnswer() {
        when(charges.selectById(CHARGE_ID)).thenReturn(null, accepted());
        when(charges.insert(any(Charge.class))).thenThrow(new DuplicateKeyException("PRIMARY"));

        ChargeAcceptedResponse response = service.submit(request());

        assertThat(response.bankTxnId()).isEqualTo(BANK_TXN_ID);
        verify(processor, never()).submit(anyString());
    }

    @Test
    void theStatusOfAnUnknownChargeIs404() {
        assertThatThrownBy(() -> service.status("nope"))
                .isInstanceOfSatisfying(BankException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.code()).isEqualTo("UNKNOWN_CHARGE");
                });
    }

    @Test
    void theStatusShowsTheDecision() {
        Charge declined = accepted();
        declined.setStatus(ChargeStatus.DECLINED);
        when(charges.selectById(CHARGE_ID)).thenReturn(declined);

        assertThat(service.status(CHARGE_ID).status()).isEqualTo(ChargeStatus.DECLINED);
    }
}

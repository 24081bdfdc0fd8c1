package io.mallpay.pay.bank;

import io.mallpay.pay.completion.PaymentCompletion;
import io.mallpay.pay.payment.Payment;
import io.mallpay.pay.payment.PaymentStates;
import io.mallpay.pay.payment.Payments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class BankResultsTest {

    private final PaymentCompletion completion = mock(PaymentCompletion.class);
    private final PaymentStates states = mock(PaymentStates.class);
    private final BankResults results = new BankResults(completion, states);

    private static BankCharge charge(String status) {
        return new BankCharge("P1", "B1", status, 1_250L, "M-ONLINE-RETAIL", null);
    }

    @Test
    void successCompletesAndDeclineFails() {
        when(completion.completeCard("P1")).thenReturn(Payment.PAID);
        assertThat(results.apply(Payments.card("P1", 1_250), charge("SUCCEEDED"), "callback")).isEqualTo("PAID");
        assertThat(results.apply(Payments.card("P1", 1_250), charge("DECLINED"), "query")).isEqualTo("FAILED");
        verify(states).end("P1", Payment.FAILED, "BANK_DECLINED");
    }

    @Test
    void aSettledPaymentOrAnUndecidedChargeChangesNothing() {
        Payment paid = Payments.card("P1", 1_250);
        paid.setStatus(Payment.PAID);
        assertThat(results.apply(paid, charge("DECLINED"), "callback")).isEqualTo("PAID");
        assertThat(results.apply(Payments.card("P1", 1_250), charge("ACCEPTED"), "query")).isEqualTo("PENDING");
        verify(completion, never()).completeCard(any());
        verify(states, never()).end(any(), any(), any());
    }

    @Test
    void mismatchNamesTheFieldThatDiffers() {
        assertThat(BankResults.mismatch(Payments.card("P1", 1_250), charge("SUCCEEDED"))).isNull();
        assertThat(BankResults.mismatch(Payments.card("P1", 1_251), charge("SUCCEEDED"))).isEqualTo("AMOUNT_MISMATCH");
        Payment other = Payments.card("P1", 1_250);
        other.setMerchantId("M-2");
        assertThat(BankResults.mismatch(other, charge("SUCCEEDED"))).isEqualTo("MERCHANT_MISMATCH");
    }

    @Test
    void aStatusAnswerIsMatchedOnTheCardInsteadOfTheMerchant() {
        Payment p = Payments.card("P1", 1_250);
        assertThat(BankResults.mismatch(p, new BankCharge("P1", "B1", "SUCCEEDED", 1_250L, null, p.getCardNumber()))).isNull();
        assertThat(BankResults.mismatch(p, new BankCharge("P1", "B1", "SUCCEEDED", 1_250L, null, "4000-9999")))
                .isEqualTo("CARD_MISMATCH");
    }
}

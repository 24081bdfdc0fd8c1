package io.mallpay.bank.charge;

import io.mallpay.bank.card.Card;
import io.mallpay.bank.card.CardLedgerEntry;
import io.mallpay.bank.card.CardLedgerMapper;
import io.mallpay.bank.card.CardMapper;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static io.mallpay.bank.charge.Charges.AMOUNT;
import static io.mallpay.bank.charge.Charges.CARD;
import static io.mallpay.bank.charge.Charges.CHARGE_ID;
import static io.mallpay.bank.charge.Charges.accepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ChargeDeciderTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:15:30.123456789Z");
    private static final Instant NOW_MILLIS = Instant.parse("2024-05-01T10:15:30.123Z");

    private final ChargeMapper charges = mock(ChargeMapper.class);
    private final CardMapper cards = mock(CardMapper.class);
    private final CardLedgerMapper ledger = mock(CardLedgerMapper.class);
    private final ChargeDecider decider = new ChargeDecider(charges, cards, ledger, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCoveredChargeDebitsTheCardWritesTheLedgerAndSucceeds() {
        when(charges.selectForUpdate(CHARGE_ID)).thenReturn(accepted());
        when(cards.debit(CARD, AMOUNT)).thenReturn(1);
        when(charges.decide(CHARGE_ID, ChargeStatus.SUCCEEDED, NOW_MILLIS)).thenReturn(1);

        Optional<Charge> decided = decider.decide(CHARGE_ID);

        assertThat(decided).get().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo(ChargeStatus.SUCCEEDED);
            assertThat(c.getDecidedAt()).isEqualTo(NOW_MILLIS);
        });
        ArgumentCaptor<CardLedgerEntry> entry = ArgumentCaptor.forClass(CardLedgerEntry.class);
        verify(ledger).insert(entry.capture());
        assertThat(entry.getValue().getCardNumber()).isEqualTo(CARD);
        assertThat(entry.getValue().getChargeId()).isEqualTo(CHARGE_ID);
        assertThat(entry.getValue().getDeltaCents()).isEqualTo(-AMOUNT);
    }

    @Test
    void aShortBalanceDeclinesWithoutALedgerRow() {
        when(charges.selectForUpdate(CHARGE_ID)).thenReturn(accepted());
        when(cards.debit(CARD, AMOUNT)).thenReturn(0);
        when(cards.selectById(CARD)).thenReturn(new Card(CARD, "A. Holder", AMOUNT - 1));
        when(charges.decide(CHARGE_ID, ChargeStatus.DECLINED, NOW_MILLIS)).thenReturn(1);

        Optional<Charge> decided = decider.decide(CHARGE_ID);

        assertThat(decided).get().extracting(Charge::getStatus).isEqualTo(ChargeStatus.DECLINED);
        verify(ledger, never()).insert(any(CardLedgerEntry.class));
    }

    @Test
    void anUnknownCardDeclines() {
        when(charges.selectForUpdate(CHARGE_ID)).thenReturn(accepted());
        when(charges.decide(CHARGE_ID, ChargeStatus.DECLINED, NOW_MILLIS)).thenReturn(1);

        assertThat(decider.decide(CHARGE_ID)).get().extracting(Charge::getStatus).isEqualTo(ChargeStatus.DECLINED);
        verify(ledger, never()).insert(any(CardLedgerEntry.class));
    }

    @Test
    void anAlreadyDecidedChargeIsLeftAloneAndNeverDebitedAgain() {
        Charge decided = accepted();
        decided.setStatus(ChargeStatus.SUCCEEDED);
        when(charges.selectForUpdate(CHARGE_ID)).thenReturn(decided);

        assertThat(decider.decide(CHARGE_ID)).isEmpty();
        verify(cards, never()).debit(anyString(), anyLong());
        verify(ledger, never()).insert(any(CardLedgerEntry.class));
    }

    @Test
    void aMissingChargeIsNothingToDecide() {
        assertThat(decider.decide(CHARGE_ID)).isEmpty();
        verify(cards, never()).debit(anyString(), anyLong());
    }

    @Test
    void aDecisionThatDoesNotLandFailsSoTheTransactionRollsBackTheDebit() {
        when(charges.selectForUpdate(CHARGE_ID)).thenReturn(accepted());
        when(cards.debit(CARD, AMOUNT)).thenReturn(1);
        when(charges.decide(CHARGE_ID, ChargeStatus.SUCCEEDED, NOW_MILLIS)).thenReturn(0);

        assertThatThrownBy(() -> decider.decide(CHARGE_ID)).isInstanceOf(IllegalStateException.class);
    }
}

package io.mallpay.bank.card;

import io.mallpay.bank.problem.BankException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CardServiceTest {

    private static final String CARD = "4000000000000002";

    private final CardMapper cards = mock(CardMapper.class);
    private final CardLedgerMapper ledger = mock(CardLedgerMapper.class);
    private final CardService service = new CardService(cards, ledger);

    @Test
    void openingACardWritesItsOpeningBalanceToTheLedger() {
        CardService.Opened opened = service.open(new CardRequest(CARD, "Ada Lovelace", 10_000L));

        assertThat(opened.created()).isTrue();
        assertThat(opened.card()).isEqualTo(new CardResponse(CARD, "Ada Lovelace", 10_000));
        ArgumentCaptor<CardLedgerEntry> entry = ArgumentCaptor.forClass(CardLedgerEntry.class);
        verify(ledger).insert(entry.capture());
        assertThat(entry.getValue().getDeltaCents()).isEqualTo(10_000);
        assertThat(entry.getValue().getChargeId()).isNull();
    }

    @Test
    void openingAnExistingCardChangesNothing() {
        when(cards.insert(any(Card.class))).thenThrow(new DuplicateKeyException("PRIMARY"));
        when(cards.selectById(CARD)).thenReturn(new Card(CARD, "Ada Lovelace", 4_000));

        CardService.Opened opened = service.open(new CardRequest(CARD, "Someone Else", 99_999L));

        assertThat(opened.created()).isFalse();
        assertThat(opened.card()).isEqualTo(new CardResponse(CARD, "Ada Lovelace", 4_000));
        verify(ledger, never()).insert(any(CardLedgerEntry.class));
    }

    @Test
    void readingAnUnknownCardIs404() {
        assertThatThrownBy(() -> service.find("nope"))
                .isInstanceOfSatisfying(BankException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.code()).isEqualTo("UNKNOWN_CARD");
                });
    }
}

package io.mallpay.bank.card;

import io.mallpay.bank.problem.BankException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and reads cards. Opening is idempotent on the card number: an existing card is returned
 * unchanged, whatever the request says. Amounts in pence. Errors: 404 {@code UNKNOWN_CARD}.
 */
@Service
public class CardService {

    private static final Logger log = LoggerFactory.getLogger(CardService.class);

    private final CardMapper cards;
    private final CardLedgerMapper ledger;

    public CardService(CardMapper cards, CardLedgerMapper ledger) {
        this.cards = cards;
        this.ledger = ledger;
    }

    /** The outcome of {@link #open}: the card as it now is, and whether this call created it. */
    public record Opened(CardResponse card, boolean created) {
    }

    /**
     * Opens the card with its opening balance and the matching ledger row, in one transaction.
     * If the card already exists (also when a concurrent call just created it) nothing changes.
     * The insert comes first on purpose: after a duplicate key the re-read is this transaction's
     * first read, so it sees the other call's committed card (a read before the insert would fix
     * a snapshot without it).
     */
    @Transactional
    public Opened open(CardRequest request) {
        Card card = new Card(request.cardNumber(), request.holder(), request.balanceCents());
        try {
            cards.insert(card);
        } catch (DuplicateKeyException exists) {
            return new Opened(find(request.cardNumber()), false);
        }
        ledger.insert(CardLedgerEntry.opening(card.getCardNumber(), card.getBalanceCents()));
        log.info("card {} opened for {} with {} pence", card.getCardNumber(), card.getHolder(), card.getBalanceCents());
        return new Opened(CardResponse.of(card), true);
    }

    /** The card, or 404 {@code UNKNOWN_CARD}. */
    @Transactional(readOnly = true)
    public CardResponse find(String cardNumber) {
        Card card = cards.selectById(cardNumber);
        if (card == null) {
            throw BankException.unknownCard(cardNumber);
        }
        return CardResponse.of(card);
    }
}

package io.mallpay.bank.card;

/** A card as the sandbox shows it; {@code balanceCents} in pence. */
public record CardResponse(String cardNumber, String holder, long balanceCents) {

    static CardResponse of(Card card) {
        return new CardResponse(card.getCardNumber(), card.getHolder(), card.getBalanceCents());
    }
}

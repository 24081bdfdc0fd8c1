package io.mallpay.bank.card;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A card to open (test and demo set-up): its number, holder and opening balance in pence. */
public record CardRequest(
        @NotNull @Pattern(regexp = Card.NUMBER_PATTERN) String cardNumber,
        @NotBlank @Size(max = 128) String holder,
        @NotNull @PositiveOrZero Long balanceCents) {
}

package io.mallpay.bank.sandbox;

import io.mallpay.bank.card.Card;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Sets a callback fault mode: for one card when {@code cardNumber} is given, else the global
 * default. {@code delayMillis} defaults to {@value ModeSetting#DEFAULT_DELAY_MILLIS} and is at most
 * ten minutes.
 */
public record CallbackModeRequest(
        @Schema(description = "NORMAL, TWICE, LATE, NEVER or OUT_OF_ORDER") @NotNull CallbackMode mode,
        @Schema(description = "milliseconds; LATE delay and OUT_OF_ORDER hold time-out")
        @PositiveOrZero @Max(600_000) Long delayMillis,
        @Schema(description = "the card to set the mode for; absent = the global default")
        @Pattern(regexp = Card.NUMBER_PATTERN) String cardNumber) {

    public ModeSetting setting() {
        return new ModeSetting(mode, delayMillis == null ? ModeSetting.DEFAULT_DELAY_MILLIS : delayMillis);
    }
}

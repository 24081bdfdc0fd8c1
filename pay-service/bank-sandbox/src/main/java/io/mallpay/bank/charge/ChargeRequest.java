package io.mallpay.bank.charge;

import io.mallpay.bank.card.Card;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A card charge submitted by the platform. {@code chargeId} is the platform's payment id and the
 * idempotency key; {@code amountCents} is in pence; the result is POSTed to {@code callbackUrl}.
 */
public record ChargeRequest(
        @Schema(description = "the platform's payment id; idempotency key") @NotBlank @Size(max = 64) String chargeId,
        @NotNull @Pattern(regexp = Card.NUMBER_PATTERN) String cardNumber,
        @Schema(description = "pence") @NotNull @Positive Long amountCents,
        @NotBlank @Size(max = 64) String merchantRef,
        @Schema(description = "http(s) URL the signed result is POSTed to")
        @NotBlank @Size(max = 512) @Pattern(regexp = "https?://\\S+") String callbackUrl) {
}

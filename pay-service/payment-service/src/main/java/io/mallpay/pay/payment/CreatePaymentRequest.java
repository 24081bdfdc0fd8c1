package io.mallpay.pay.payment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Body of {@code POST /api/payments}: pay mall order {@code orderId} by {@code CARD} (through the
 * bank; {@code cardNumber} optional, the user's bound card otherwise) or {@code WALLET} (the
 * user's fund-account balance). The amount is the order's payable amount, read from mall-order.
 */
public record CreatePaymentRequest(@NotNull @Positive Long orderId,
                                   @NotNull @Pattern(regexp = "CARD|WALLET", message = "must be CARD or WALLET") String method,
                                   @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String cardNumber) {
}

package io.mallpay.bank.charge;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/**
 * A charge's state as the status query answers it: {@code amountCents} in pence, {@code decidedAt}
 * an ISO-8601 UTC instant, null while ACCEPTED.
 */
@JsonPropertyOrder({"chargeId", "bankTxnId", "status", "amountCents", "cardNumber", "decidedAt"})
public record ChargeStatusResponse(String chargeId, String bankTxnId, ChargeStatus status, long amountCents,
        String cardNumber, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant decidedAt) {

    static ChargeStatusResponse of(Charge charge) {
        return new ChargeStatusResponse(charge.getChargeId(), charge.getBankTxnId(), charge.getStatus(),
                charge.getAmountCents(), charge.getCardNumber(), charge.getDecidedAt());
    }
}

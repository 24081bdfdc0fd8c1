package io.mallpay.bank.callback;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/**
 * The JSON body of a result callback, in this field order: {@code chargeId} (the platform's
 * payment id), {@code bankTxnId}, {@code status} (SUCCEEDED or DECLINED), {@code amountCents}
 * (pence), {@code merchantRef}, {@code decidedAt} (ISO-8601 UTC instant, millisecond precision).
 * decidedAt is pinned to the ISO string form whatever the ObjectMapper's date settings.
 * It is serialised once per charge, so every send of it (TWICE, retries) carries identical bytes.
 */
@JsonPropertyOrder({"chargeId", "bankTxnId", "status", "amountCents", "merchantRef", "decidedAt"})
public record CallbackBody(String chargeId, String bankTxnId, String status, long amountCents, String merchantRef,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant decidedAt) {
}

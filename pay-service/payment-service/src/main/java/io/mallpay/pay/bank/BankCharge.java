package io.mallpay.pay.bank;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A charge's result as the bank reports it: {@code chargeId} is our payment id; {@code status}
 * ACCEPTED (not decided yet), SUCCEEDED or DECLINED; pence. A callback carries
 * {@code merchantRef}, a status answer {@code cardNumber} instead (the other is then null).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BankCharge(String chargeId, String bankTxnId, String status, Long amountCents, String merchantRef,
                         String cardNumber) {

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String DECLINED = "DECLINED";
}

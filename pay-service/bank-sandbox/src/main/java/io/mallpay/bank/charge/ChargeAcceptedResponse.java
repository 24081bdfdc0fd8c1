package io.mallpay.bank.charge;

/**
 * The answer to a charge submission. {@code status} is always ACCEPTED: it acknowledges the
 * submission, also when the same charge is submitted again after it was decided, so a resubmission
 * gets exactly the first answer. The outcome comes by callback or from the status query.
 */
public record ChargeAcceptedResponse(String chargeId, String bankTxnId, ChargeStatus status) {

    static ChargeAcceptedResponse of(Charge charge) {
        return new ChargeAcceptedResponse(charge.getChargeId(), charge.getBankTxnId(), ChargeStatus.ACCEPTED);
    }
}

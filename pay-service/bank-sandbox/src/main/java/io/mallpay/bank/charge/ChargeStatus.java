package io.mallpay.bank.charge;

/** A charge's state: ACCEPTED until decided, then SUCCEEDED (card debited) or DECLINED (nothing debited). Final once decided. */
public enum ChargeStatus {
    ACCEPTED,
    SUCCEEDED,
    DECLINED
}

package io.mallpay.bank.charge;

import io.mallpay.bank.sandbox.CallbackMode;

/** Object Mother of charges for unit tests. */
final class Charges {

    static final String CHARGE_ID = "PAY-1001";
    static final String CARD = "4000000000000002";
    static final long AMOUNT = 2599;
    static final String MERCHANT_REF = "seller-42";
    static final String CALLBACK_URL = "http://127.0.0.1:8085/internal/bank/callbacks";
    static final String BANK_TXN_ID = "BTX-0b1c";

    private Charges() {
    }

    static ChargeRequest request() {
        return new ChargeRequest(CHARGE_ID, CARD, AMOUNT, MERCHANT_REF, CALLBACK_URL);
    }

    static ChargeRequest requestFor(long amountCents) {
        return new ChargeRequest(CHARGE_ID, CARD, amountCents, MERCHANT_REF, CALLBACK_URL);
    }

    static Charge accepted() {
        return Charge.accepted(request(), BANK_TXN_ID, CallbackMode.NORMAL);
    }
}

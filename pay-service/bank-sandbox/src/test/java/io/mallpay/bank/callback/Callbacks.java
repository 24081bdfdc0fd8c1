package io.mallpay.bank.callback;

import io.mallpay.bank.sandbox.CallbackMode;
import io.mallpay.bank.sandbox.ModeSetting;

import java.time.Instant;

/** Object Mother of callbacks for unit tests. */
final class Callbacks {

    static final String URL = "http://127.0.0.1:8085/internal/bank/callbacks";

    private Callbacks() {
    }

    static Callback callback(String chargeId, CallbackMode mode, long delayMillis) {
        CallbackBody body = new CallbackBody(chargeId, "BTX-" + chargeId, "SUCCEEDED", 1999, "M-" + chargeId,
                Instant.parse("2024-05-01T10:15:30.123Z"));
        return new Callback(URL, new ModeSetting(mode, delayMillis), body);
    }
}

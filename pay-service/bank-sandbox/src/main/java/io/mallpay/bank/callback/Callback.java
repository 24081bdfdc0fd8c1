package io.mallpay.bank.callback;

import io.mallpay.bank.sandbox.ModeSetting;

/**
 * One decided charge's callback to deliver: where to ({@code url}), how ({@code setting}: the
 * charge's fault mode and its delay in milliseconds) and what ({@code body}).
 */
public record Callback(String url, ModeSetting setting, CallbackBody body) {

    public String chargeId() {
        return body.chargeId();
    }
}

package io.mallpay.accounting.deadletter;

import io.mallpay.common.web.ApiException;
import org.springframework.http.HttpStatus;

/** The rejection of an operator request that needed the RocketMQ broker and could not reach it. */
final class BrokerUnavailable {

    private BrokerUnavailable() {
    }

    /** {@code BROKER_UNAVAILABLE} (503) saying what could not be done and why. */
    static ApiException of(String what, Throwable cause) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "BROKER_UNAVAILABLE",
                what + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}

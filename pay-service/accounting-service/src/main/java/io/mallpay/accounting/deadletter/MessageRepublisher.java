package io.mallpay.accounting.deadletter;

/** Sends a re-driven accounting message back to {@code PAYMENT_ACCOUNTING}. */
public interface MessageRepublisher {

    /**
     * Publishes {@code body} (UTF-8 JSON) with message key {@code key} (may be null) and tag
     * {@code PAID}, marked as re-driven from {@code redrivenFrom}; answers the new message id.
     * Not idempotent (each call is a new message; the consumer is idempotent on the payment id).
     * Throws {@code ApiException} {@code BROKER_UNAVAILABLE} (503) when the broker refuses it.
     */
    String republish(String key, String body, String redrivenFrom);
}

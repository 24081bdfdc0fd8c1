package io.mallpay.accounting.deadletter;

import java.util.List;

/**
 * Reads the accounting consumer group's dead-letter queue without consuming it: nothing is
 * acknowledged, no offset that matters moves, so every call sees every dead letter again.
 */
public interface DeadLetterReader {

    /**
     * Every dead letter, oldest first per queue (none when the DLQ topic does not exist yet).
     * Throws {@code ApiException} {@code BROKER_UNAVAILABLE} (503) when the broker cannot be read.
     */
    List<DeadLetter> readAll();
}

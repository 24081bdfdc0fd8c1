package io.mallpay.bank.sandbox;

/**
 * How the sandbox delivers a charge's result callback, to let tests inject the faults of a real
 * acquirer. The debit itself is never affected: only the callback is.
 */
public enum CallbackMode {
    /** One callback as soon as the charge is decided. */
    NORMAL,
    /** The same body twice, each with a new timestamp and nonce (so each verifies on its own). */
    TWICE,
    /** One callback, {@code delayMillis} after the decision. */
    LATE,
    /** No callback at all; the status query still answers. */
    NEVER,
    /** Held back and sent right after the next charge's callback, or after {@code delayMillis} if none comes. */
    OUT_OF_ORDER
}

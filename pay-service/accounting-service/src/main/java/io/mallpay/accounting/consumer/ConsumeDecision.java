package io.mallpay.accounting.consumer;

/** What the listener decided for one delivered message. */
public enum ConsumeDecision {
    /** Booked, or already booked: acknowledge. */
    CONSUMED,
    /** Can never be booked: straight to {@code %DLQ%pay-accounting}, no retry. */
    DEAD_LETTER,
    /** Failed for a reason that may pass (database down…): RocketMQ's retry schedule. */
    RETRY
}

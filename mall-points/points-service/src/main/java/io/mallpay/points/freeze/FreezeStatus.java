package io.mallpay.points.freeze;

/**
 * State of an order's points freeze: {@code FROZEN} on checkout, then exactly one of
 * {@code SPENT} (order paid) or {@code RELEASED} (order cancelled). Both end states are final.
 */
public enum FreezeStatus {
    FROZEN,
    SPENT,
    RELEASED
}

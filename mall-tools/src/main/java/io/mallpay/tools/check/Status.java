package io.mallpay.tools.check;

/**
 * Outcome of one invariant or one offending row. Only {@link #FAIL} breaks an invariant (exit 1);
 * {@link #WARN} marks a row an operator must act on that the design allows (a refund to make, a
 * notification still being retried).
 */
public enum Status {
    PASS, WARN, FAIL;

    /** The worse of the two. */
    Status and(Status other) {
        return compareTo(other) >= 0 ? this : other;
    }
}

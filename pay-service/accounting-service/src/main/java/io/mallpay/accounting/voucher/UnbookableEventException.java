package io.mallpay.accounting.voucher;

/**
 * The message can never be booked, however often it is retried: unreadable JSON, a missing field,
 * amounts that do not add up, an unknown payment method. The consumer sends such a message
 * straight to the dead-letter queue; {@link #getMessage()} is the reason shown to the operator.
 */
public class UnbookableEventException extends RuntimeException {

    public UnbookableEventException(String reason) {
        super(reason);
    }
}

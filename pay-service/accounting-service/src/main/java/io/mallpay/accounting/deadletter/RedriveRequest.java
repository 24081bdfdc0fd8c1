package io.mallpay.accounting.deadletter;

/**
 * Optional body of a re-drive: {@code body} is a corrected message body (PaymentPaidEvent JSON) to
 * publish instead of the original; null or absent re-publishes the original unchanged.
 */
public record RedriveRequest(String body) {
}

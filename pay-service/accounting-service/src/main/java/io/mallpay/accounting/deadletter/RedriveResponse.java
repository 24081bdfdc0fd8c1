package io.mallpay.accounting.deadletter;

/** A re-drive done: the dead letter {@code messageId} was published again as {@code newMessageId}. */
public record RedriveResponse(String messageId, String newMessageId) {
}

package io.mallpay.accounting.deadletter;

import java.time.Instant;

/**
 * A message as it sits in {@code %DLQ%pay-accounting}: {@code messageId} is the id the consumer
 * saw (RocketMQ's unique client id, kept across retries and into the DLQ), {@code key} the
 * payment id the producer set, {@code bornAt} when the producer sent it, {@code body} its UTF-8
 * text. {@code reconsumeTimes} is the broker's count of failed deliveries including the one that
 * dead-lettered it: 1 for poison sent there on first delivery, max-reconsume-times + 1 (17) for a
 * message whose retries ran out.
 */
public record DeadLetter(String messageId, String key, Instant bornAt, int reconsumeTimes, String body) {
}

package io.mallpay.accounting.deadletter;

import java.time.Instant;

/**
 * A dead letter not yet re-driven: see {@link DeadLetter} for the fields; {@code reason} is why it
 * was dead-lettered when known (poison, or the last failure of an exhausted retry), else null.
 */
public record DeadLetterResponse(String messageId, String key, Instant bornAt, int reconsumeTimes, String body,
                                 String reason) {

    static DeadLetterResponse of(DeadLetter d, String reason) {
        return new DeadLetterResponse(d.messageId(), d.key(), d.bornAt(), d.reconsumeTimes(), d.body(), reason);
    }
}

package io.mallpay.accounting.deadletter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers why messages were dead-lettered, since the DLQ message itself does not say. Recording
 * is best-effort: a poison message goes to the DLQ even when the database is down (its reason is
 * then only in the WARN log line), because it can never succeed anyway.
 */
@Component
public class PoisonLog {

    private static final Logger log = LoggerFactory.getLogger(PoisonLog.class);
    static final int MAX_REASON = 512;
    static final int MAX_KEY = 128;
    private static final int LOOKUP_CHUNK = 500;

    private final PoisonMessageMapper poison;

    public PoisonLog(PoisonMessageMapper poison) {
        this.poison = poison;
    }

    /** Records (or overwrites) the reason for {@code messageId}; never throws. */
    public void record(String messageId, String key, String reason) {
        try {
            poison.upsert(messageId, truncate(key, MAX_KEY), truncate(reason, MAX_REASON));
        } catch (RuntimeException e) {
            log.warn("message {} key {}: could not record its dead-letter reason ({}): {}", messageId, key, reason,
                    e.toString());
        }
    }

    /** The recorded reason of each of {@code messageIds} that has one. */
    public Map<String, String> reasons(Collection<String> messageIds) {
        Map<String, String> out = new HashMap<>();
        List<String> ids = List.copyOf(messageIds);
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            poison.selectBatchIds(ids.subList(from, Math.min(from + LOOKUP_CHUNK, ids.size())))
                    .forEach(p -> out.put(p.getMessageId(), p.getReason()));
        }
        return out;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

package io.mallpay.accounting.deadletter;

import io.mallpay.accounting.voucher.UnbookableEventException;
import io.mallpay.accounting.voucher.VoucherFactory;
import io.mallpay.common.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator's view of {@code %DLQ%pay-accounting}: lists the dead letters not yet re-driven and
 * re-drives one (publishes its body, or a corrected one, to PAYMENT_ACCOUNTING again). A dead
 * letter can be re-driven once: the claim row and the publication share one local transaction, so
 * a concurrent second re-drive waits on the row and then gets {@code ALREADY_REDRIVEN}.
 *
 * <p>Errors: {@code UNKNOWN_DEAD_LETTER} (404), {@code ALREADY_REDRIVEN} (409),
 * {@code INVALID_REDRIVE_BODY} (400: the corrected body could never be booked; nothing sent),
 * {@code BROKER_UNAVAILABLE} (503: nothing recorded).
 */
@Service
public class DeadLetterService {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);
    private static final int LOOKUP_CHUNK = 500;

    private final DeadLetterReader reader;
    private final MessageRepublisher republisher;
    private final DeadLetterRedriveMapper redrives;
    private final PoisonLog poisonLog;
    private final VoucherFactory vouchers;
    private final TransactionOperations tx;

    public DeadLetterService(DeadLetterReader reader, MessageRepublisher republisher, DeadLetterRedriveMapper redrives,
                             PoisonLog poisonLog, VoucherFactory vouchers, TransactionOperations tx) {
        this.reader = reader;
        this.republisher = republisher;
        this.redrives = redrives;
        this.poisonLog = poisonLog;
        this.vouchers = vouchers;
        this.tx = tx;
    }

    /**
     * Dead letters not yet re-driven, oldest first, each once (a message dead-lettered twice under
     * the same id is listed once), with the recorded reason when there is one. Read-only.
     */
    public List<DeadLetterResponse> list() {
        Map<String, DeadLetter> byId = new LinkedHashMap<>();
        reader.readAll().forEach(d -> byId.putIfAbsent(d.messageId(), d));
        if (byId.isEmpty()) {
            return List.of();
        }
        Set<String> redriven = redrivenAmong(List.copyOf(byId.keySet()));
        byId.keySet().removeAll(redriven);
        Map<String, String> reasons = byId.isEmpty() ? Map.of() : poisonLog.reasons(byId.keySet());
        return byId.values().stream().map(d -> DeadLetterResponse.of(d, reasons.get(d.messageId()))).toList();
    }

    /**
     * Publishes the dead letter {@code messageId} again with its key, using {@code correctedBody}
     * instead of its body when not null (it must parse and balance), and records the re-drive.
     * Not repeatable: a second call for the same dead letter is {@code ALREADY_REDRIVEN}.
     */
    public RedriveResponse redrive(String messageId, String correctedBody) {
        if (redrives.selectById(messageId) != null) {
            throw alreadyRedriven(messageId);
        }
        if (correctedBody != null) {
            requireBookable(correctedBody);
        }
        DeadLetter dead = reader.readAll().stream().filter(d -> d.messageId().equals(messageId)).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_DEAD_LETTER",
                        "no message " + messageId + " in the accounting dead-letter queue"));
        String body = correctedBody != null ? correctedBody : dead.body();
        boolean changed = correctedBody != null && !correctedBody.equals(dead.body());
        String newMessageId;
        try {
            newMessageId = tx.execute(status -> {
                redrives.insert(DeadLetterRedrive.claim(messageId, changed));
                String id = republisher.republish(dead.key(), body, messageId);
                redrives.recordNewMessageId(messageId, id);
                return id;
            });
        } catch (DuplicateKeyException concurrentRedrive) {
            throw alreadyRedriven(messageId);
        }
        log.info("dead letter {} key {} re-driven as message {}{}", messageId, dead.key(), newMessageId,
                changed ? " with a corrected body" : "");
        return new RedriveResponse(messageId, newMessageId);
    }

    private void requireBookable(String body) {
        try {
            vouchers.fromMessage(body.getBytes(StandardCharsets.UTF_8), "redrive-check");
        } catch (UnbookableEventException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_REDRIVE_BODY",
                    "the corrected body could never be booked: " + e.getMessage());
        }
    }

    private Set<String> redrivenAmong(List<String> ids) {
        Set<String> out = new HashSet<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            redrives.selectBatchIds(new ArrayList<>(ids.subList(from, Math.min(from + LOOKUP_CHUNK, ids.size()))))
                    .forEach(r -> out.add(r.getMessageId()));
        }
        return out;
    }

    private static ApiException alreadyRedriven(String messageId) {
        return new ApiException(HttpStatus.CONFLICT, "ALREADY_REDRIVEN",
                "dead letter " + messageId + " was already re-driven");
    }
}

package io.mallpay.tools.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.tools.replay.StorefrontApi.Answer;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The card side of a replay: each customer's bank card {@code R-<customerId>} opened in the bank
 * sandbox with {@link SaleFlow#CARD_BALANCE_CENTS} and bound for CARD payments, once per customer
 * per run (both calls are idempotent, so a re-run changes nothing); and the wait for a CARD
 * payment's asynchronous bank result, polling {@code GET /api/payments/{id}} from 50 ms up to
 * every 500 ms, which records the time from the pay request to PAID.
 */
final class CardPayments {

    private final StorefrontApi api;
    private final ReplayStats stats;
    private final Duration wait;
    private final Set<Long> bound = ConcurrentHashMap.newKeySet();

    CardPayments(StorefrontApi api, ReplayStats stats, Duration wait) {
        this.api = api;
        this.stats = stats;
        this.wait = wait;
    }

    static String cardNumber(long customerId) {
        return "R-" + customerId;
    }

    /** The answer of the failing call, or an ok answer once the card is bound. */
    Answer ensureCard(long customerId) throws InterruptedException {
        if (bound.contains(customerId)) {
            return new Answer(200, null, true);
        }
        Answer open = api.openCard(cardNumber(customerId), "customer " + customerId, SaleFlow.CARD_BALANCE_CENTS);
        if (!open.ok()) {
            return open;
        }
        Answer bind = api.bindCard(customerId, cardNumber(customerId));
        if (bind.ok()) {
            bound.add(customerId);
        }
        return bind;
    }

    /**
     * Polls until the payment is PAID, FAILED or CLOSED; null if it is still PENDING after the
     * wait. {@code startNanos} is when the pay request was sent.
     */
    JsonNode awaitSettled(String paymentId, long startNanos) throws InterruptedException {
        long deadline = startNanos + wait.toNanos();
        long sleep = 50;
        while (System.nanoTime() < deadline) {
            Answer a = api.payment(paymentId);
            String status = a.ok() ? a.body().path("status").asText() : "";
            if (!status.isEmpty() && !"PENDING".equals(status)) {
                if ("PAID".equals(status)) {
                    stats.cardToPaid.addNanos(System.nanoTime() - startNanos);
                }
                return a.body();
            }
            Thread.sleep(sleep);
            sleep = Math.min(500, sleep * 2);
        }
        return null;
    }
}

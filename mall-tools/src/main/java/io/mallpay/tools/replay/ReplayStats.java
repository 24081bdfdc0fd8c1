package io.mallpay.tools.replay;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a replay observed, shared by its workers. Outcomes are per worked invoice (one each);
 * rejections are keyed {@code <step>.<code>} (checkout, payment, cancel); line counts explain what
 * was not sent or was dropped; payment counts the mix drawn and the coupon results.
 */
public final class ReplayStats {

    public static final String PAID = "PAID";
    /** A sale checked out and left unpaid because a later C invoice cancels it. */
    public static final String ABANDONED = "ABANDONED";
    public static final String CANCELLED = "CANCELLED";
    public static final String CANCEL_REFUSED = "CANCEL_REFUSED";
    /** A C invoice whose sale never became an order (rejected at checkout). */
    public static final String CANCEL_NOTHING = "CANCEL_NOTHING";
    public static final String CHECKOUT_REJECTED = "CHECKOUT_REJECTED";
    public static final String PAYMENT_REJECTED = "PAYMENT_REJECTED";
    public static final String PAYMENT_FAILED = "PAYMENT_FAILED";
    public static final String PAYMENT_PENDING = "PAYMENT_PENDING";
    public static final String ERROR = "ERROR";

    /** Outcomes counted as errors in the progress line. */
    static final Set<String> ERRORS = Set.of(CANCEL_REFUSED, CHECKOUT_REJECTED, PAYMENT_REJECTED,
            PAYMENT_FAILED, PAYMENT_PENDING, ERROR);

    public final Tally outcomes = new Tally();
    public final Tally rejections = new Tally();
    public final Tally lines = new Tally();
    public final Tally payments = new Tally();
    public final Tally retries = new Tally();
    /** Requests answered from an earlier run's request with the same key (checkout, payment). */
    public final Tally replayed = new Tally();
    public final Latencies checkout = new Latencies();
    public final Latencies pay = new Latencies();
    public final Latencies cardToPaid = new Latencies();
    public final Latencies cancel = new Latencies();

    /** Orders of this run whose payment is PAID: order id → payment id (the drain follows them). */
    public final Map<Long, String> paidOrders = new ConcurrentHashMap<>();
    /** Sale InvoiceNo → its order id, for the cancellations that follow. */
    public final Map<String, Long> orderOfInvoice = new ConcurrentHashMap<>();
    /** Payments that became PAID in this run (not answered PAID from an earlier run's request). */
    public final AtomicInteger freshPaid = new AtomicInteger();

    /** The first detail seen per rejection key, to explain the counts (at most 50 keys). */
    public final Map<String, String> examples = new ConcurrentHashMap<>();

    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();

    public void outcome(String outcome) {
        outcomes.add(outcome);
        if (ERRORS.contains(outcome)) {
            errors.incrementAndGet();
        }
        done.incrementAndGet();
    }

    public void reject(String step, String code) {
        rejections.add(step + "." + code);
    }

    public void example(String key, String detail) {
        if (examples.size() < 50) {
            examples.putIfAbsent(key, detail);
        }
    }

    public int done() {
        return done.get();
    }

    public int errors() {
        return errors.get();
    }
}

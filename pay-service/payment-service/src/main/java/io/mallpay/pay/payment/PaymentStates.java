package io.mallpay.pay.payment;

import io.mallpay.common.tx.GlobalLockRetry;
import org.springframework.stereotype.Component;

/**
 * {@link PaymentStateWriter} with retries: a global lock held by a completion in flight makes
 * Seata refuse the local transaction at once (rollback-on-conflict), so each call is re-run in a
 * fresh local transaction, up to 50 times 100 ms apart (then 503 GLOBAL_LOCK_BUSY).
 */
@Component
public class PaymentStates {

    private static final int TRIES = 50;
    private static final long PAUSE_MILLIS = 100;

    private final PaymentStateWriter writer;

    public PaymentStates(PaymentStateWriter writer) {
        this.writer = writer;
    }

    /** The payment as globally committed, waiting for a completion in flight; {@code null} if unknown. */
    public Payment readCommitted(String paymentId) {
        return GlobalLockRetry.run(() -> writer.readCommitted(paymentId), TRIES, PAUSE_MILLIS);
    }

    /**
     * One attempt: the payment as globally committed, or a Seata {@code LockConflictException}
     * while a completion's global transaction still holds it.
     */
    public Payment readCommittedOnce(String paymentId) {
        return writer.readCommitted(paymentId);
    }

    /**
     * The payment as clients may see it: a PAID whose completion's global transaction is still in
     * flight (its row holds a global lock; it may yet roll back) is shown as PENDING. Seata reads
     * across services are not isolated; this read is. {@code null} if unknown.
     */
    public Payment committedView(String paymentId) {
        try {
            return writer.readCommitted(paymentId);
        } catch (RuntimeException e) {
            if (!GlobalLockRetry.isLockConflict(e)) {
                throw e;
            }
            Payment p = writer.readDirty(paymentId);
            if (p != null) {
                p.setStatus(Payment.PENDING);
                p.setPaidAt(null);
                p.setCommissionCents(null);
                p.setRewardPoints(null);
            }
            return p;
        }
    }

    /** The committed status ({@link #committedView}); PENDING for an unknown payment. */
    public String committedStatus(String paymentId) {
        Payment p = committedView(paymentId);
        return p == null ? Payment.PENDING : p.getStatus();
    }

    /** PENDING → FAILED or CLOSED; false if it was no longer PENDING. */
    public boolean end(String paymentId, String status, String code) {
        return GlobalLockRetry.run(() -> writer.end(paymentId, status, code), TRIES, PAUSE_MILLIS);
    }

    public void submitted(String paymentId, String bankTxnId) {
        GlobalLockRetry.run(() -> writer.submitted(paymentId, bankTxnId), TRIES, PAUSE_MILLIS);
    }
}

package io.mallpay.pay.payment;

import org.apache.seata.spring.annotation.GlobalLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads of {@code payment} rows from outside the completion global transaction (bank
 * submission, declined callbacks, the bank query job, the accounting check-back). The row is
 * AT-managed (the completion marks it PAID in its local branch), so each method is
 * {@code @GlobalLock} with {@code SELECT … FOR UPDATE}: it waits while a completion's global
 * transaction still holds the row, and so never overwrites, or trusts, a PAID that may yet be
 * rolled back. Callers go through {@link PaymentStates}, which retries on a lock conflict.
 */
@Component
public class PaymentStateWriter {

    private final PaymentMapper payments;

    public PaymentStateWriter(PaymentMapper payments) {
        this.payments = payments;
    }

    /** The payment as globally committed; {@code null} if unknown. */
    @GlobalLock
    @Transactional
    public Payment readCommitted(String paymentId) {
        return payments.selectForUpdate(paymentId);
    }

    /** The row as it is, globally committed or not. */
    public Payment readDirty(String paymentId) {
        return payments.selectById(paymentId);
    }

    /** PENDING → FAILED or CLOSED with a code; false if it was no longer PENDING. */
    @GlobalLock
    @Transactional
    public boolean end(String paymentId, String status, String code) {
        Payment p = payments.selectForUpdate(paymentId);
        return p != null && Payment.PENDING.equals(p.getStatus()) && payments.markEnded(paymentId, status, code) == 1;
    }

    /** Records that the bank took the charge. */
    @GlobalLock
    @Transactional
    public void submitted(String paymentId, String bankTxnId) {
        if (payments.selectForUpdate(paymentId) != null) {
            payments.markSubmitted(paymentId, bankTxnId);
        }
    }
}

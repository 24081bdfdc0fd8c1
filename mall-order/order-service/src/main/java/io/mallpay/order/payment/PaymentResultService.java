package io.mallpay.order.payment;

import io.mallpay.order.order.OrderSkuQueue;
import org.springframework.stereotype.Service;

/**
 * Applies a payment result (DESIGN.md flow 6): one Seata AT global transaction
 * ({@link PaymentResultTransaction}) run in its SKUs' turn. Idempotent on the payment id.
 */
@Service
public class PaymentResultService {

    /** Reason of the consumption-points award in the points ledger. */
    public static final String CONSUMPTION = "CONSUMPTION";

    private final PaymentResultTransaction transaction;
    private final OrderSkuQueue queue;

    public PaymentResultService(PaymentResultTransaction transaction, OrderSkuQueue queue) {
        this.transaction = transaction;
        this.queue = queue;
    }

    public PaymentRecorder.Decision apply(long orderId, String paymentId, long amountCents) {
        return queue.inTurn(orderId, () -> transaction.apply(orderId, paymentId, amountCents));
    }

    /** Whole pounds of the amount paid × points per pound (rounded down). */
    static long consumptionPoints(long payableCents, long pointsPerPound) {
        return (payableCents / 100) * pointsPerPound;
    }
}

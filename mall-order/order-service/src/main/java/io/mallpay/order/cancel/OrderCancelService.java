package io.mallpay.order.cancel;

import io.mallpay.order.order.OrderSkuQueue;
import org.springframework.stereotype.Service;

/**
 * Cancels an unpaid order (user cancel or payment timeout, DESIGN.md flow 7): one Seata AT global
 * transaction ({@link OrderCancelTransaction}) run in its SKUs' turn. Idempotent.
 */
@Service
public class OrderCancelService {

    public static final String REASON_USER = "USER";
    public static final String REASON_TIMEOUT = "TIMEOUT";

    private final OrderCancelTransaction transaction;
    private final OrderSkuQueue queue;

    public OrderCancelService(OrderCancelTransaction transaction, OrderSkuQueue queue) {
        this.transaction = transaction;
        this.queue = queue;
    }

    /**
     * @return true when this call cancelled the order, false when it was already cancelled
     * @throws io.mallpay.common.web.ApiException ORDER_NOT_CANCELLABLE (409) once paid,
     *         UNKNOWN_ORDER (404), BUSY (503) when its SKUs stay busy too long
     */
    public boolean cancel(long orderId, String reason) {
        return queue.inTurn(orderId, () -> transaction.cancel(orderId, reason));
    }
}

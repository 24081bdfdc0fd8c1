package io.mallpay.order.cancel;

import io.mallpay.common.web.ApiException;
import io.mallpay.order.order.Order;
import io.mallpay.order.order.OrderMapper;
import io.mallpay.order.order.OrderQueries;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;

/** The order-row half of cancel: one short local transaction (an AT branch inside the global one). */
@Component
public class OrderStatusWriter {

    private final OrderMapper orders;
    private final Clock clock;

    public OrderStatusWriter(OrderMapper orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * CREATED → CANCELLED under the row lock. Returns the order as it was, or null when it was
     * already CANCELLED (nothing to release).
     */
    @Transactional
    public Order markCancelled(long orderId, String reason) {
        Order o = orders.selectForUpdate(orderId);
        if (o == null) {
            throw OrderQueries.unknown(orderId);
        }
        switch (o.getStatus()) {
            case Order.CANCELLED -> {
                return null;
            }
            case Order.PAID -> throw new ApiException(HttpStatus.CONFLICT, "ORDER_NOT_CANCELLABLE",
                    "order " + orderId + " is paid and cannot be cancelled");
            default -> {
                LocalDateTime now = LocalDateTime.now(clock);
                Order change = new Order();
                change.setOrderId(orderId);
                change.setStatus(Order.CANCELLED);
                change.setCancelledAt(now);
                change.setCancelReason(reason);
                change.setUpdatedAt(now);
                orders.updateById(change);
                return o;
            }
        }
    }
}

package io.mallpay.order.order;

import io.mallpay.common.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Reads orders; {@code UNKNOWN_ORDER} (404) for an id that does not exist. */
@Service
public class OrderQueries {

    private final OrderMapper orders;
    private final OrderLineMapper lines;

    public OrderQueries(OrderMapper orders, OrderLineMapper lines) {
        this.orders = orders;
        this.lines = lines;
    }

    public Order require(long orderId) {
        Order o = orders.selectById(orderId);
        if (o == null) {
            throw unknown(orderId);
        }
        return o;
    }

    public OrderResponse view(long orderId) {
        return OrderResponse.of(require(orderId), lines.findByOrder(orderId));
    }

    public static ApiException unknown(long orderId) {
        return new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_ORDER", "order " + orderId + " does not exist");
    }
}

package io.mallpay.order.order;

import io.mallpay.order.api.OrderClient;
import io.mallpay.order.cancel.OrderCancelService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "orders")
public class OrderController {

    private final OrderQueries queries;
    private final OrderCancelService cancel;

    public OrderController(OrderQueries queries, OrderCancelService cancel) {
        this.queries = queries;
        this.cancel = cancel;
    }

    /** {@code GET /api/orders/{orderId}}: the order with lines and amounts; UNKNOWN_ORDER 404. */
    @Operation(summary = "Follow an order")
    @GetMapping("/api/orders/{orderId}")
    public OrderResponse get(@PathVariable long orderId) {
        return queries.view(orderId);
    }

    /**
     * {@code POST /api/orders/{orderId}/cancel}: releases stock, points and coupon in one Seata AT
     * global transaction and answers the CANCELLED order. Idempotent: cancelling a cancelled order
     * answers it unchanged. ORDER_NOT_CANCELLABLE 409 once paid; UNKNOWN_ORDER 404.
     */
    @Operation(summary = "Cancel an unpaid order")
    @PostMapping("/api/orders/{orderId}/cancel")
    public OrderResponse cancel(@PathVariable long orderId) {
        cancel.cancel(orderId, OrderCancelService.REASON_USER);
        return queries.view(orderId);
    }

    /** Internal view for the payment platform ({@link OrderClient#get}). */
    @GetMapping("/internal/orders/{orderId}")
    public OrderClient.OrderView internalView(@PathVariable long orderId) {
        Order o = queries.require(orderId);
        return new OrderClient.OrderView(o.getOrderId(), o.getUserId(), o.getStatus(), o.getPayableCents());
    }
}

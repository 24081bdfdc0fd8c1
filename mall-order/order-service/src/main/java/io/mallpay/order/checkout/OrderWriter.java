package io.mallpay.order.checkout;

import io.mallpay.order.order.Order;
import io.mallpay.order.order.OrderLine;
import io.mallpay.order.order.OrderLineMapper;
import io.mallpay.order.order.OrderMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The local writes of checkout, each a short local transaction. Called inside the checkout global
 * transaction, each becomes one AT branch of mall-order's database (undo log + global lock), and
 * no database connection is held across the remote calls in between.
 */
@Component
public class OrderWriter {

    private final OrderMapper orders;
    private final OrderLineMapper lines;
    private final CheckoutRequestMapper checkoutRequests;
    private final Clock clock;

    public OrderWriter(OrderMapper orders, OrderLineMapper lines, CheckoutRequestMapper checkoutRequests, Clock clock) {
        this.orders = orders;
        this.lines = lines;
        this.checkoutRequests = checkoutRequests;
        this.clock = clock;
    }

    /**
     * Inserts the order (CREATED, no discounts yet), its lines and the Idempotency-Key record, in
     * one local transaction: a concurrent request with the same key fails on the key's primary key
     * (DuplicateKeyException) and its order insert is rolled back with it. Returns the new order id.
     */
    @Transactional
    public long insertOrder(String idempotencyKey, String requestHash, long userId, Long couponId,
                            List<OrderPricing.PricedLine> priced, Duration paymentTimeout) {
        LocalDateTime now = LocalDateTime.now(clock);
        Order o = new Order();
        o.setUserId(userId);
        o.setStatus(Order.CREATED);
        o.setTotalCents(OrderPricing.total(priced));
        o.setCouponId(couponId);
        o.setCouponDiscountCents(0L);
        o.setPointsUsed(0L);
        o.setPayableCents(o.getTotalCents());
        o.setPayDeadline(now.plus(paymentTimeout));
        o.setCreatedAt(now);
        o.setUpdatedAt(now);
        orders.insert(o);
        int n = 1;
        for (OrderPricing.PricedLine l : priced) {
            lines.insert(new OrderLine(o.getOrderId(), n++, l.sku(), l.name(), l.unitPriceCents(), l.quantity()));
        }
        checkoutRequests.insert(idempotencyKey, userId, requestHash, o.getOrderId(), now);
        return o.getOrderId();
    }

    /** Records the discounts granted by the coupon and points branches. */
    @Transactional
    public void setAmounts(long orderId, long couponDiscountCents, long pointsUsed, long payableCents) {
        Order o = new Order();
        o.setOrderId(orderId);
        o.setCouponDiscountCents(couponDiscountCents);
        o.setPointsUsed(pointsUsed);
        o.setPayableCents(payableCents);
        o.setUpdatedAt(LocalDateTime.now(clock));
        orders.updateById(o);
    }
}

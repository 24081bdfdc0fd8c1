package io.mallpay.order.payment;

import io.mallpay.order.order.Order;
import io.mallpay.order.order.OrderMapper;
import io.mallpay.order.order.OrderQueries;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;

/**
 * The mall-order half of a payment result, one local transaction (an AT branch of the payment
 * global transaction): decides the outcome under the order's row lock, records the notification
 * and, when it applies, marks the order PAID.
 */
@Component
public class PaymentRecorder {

    private final OrderMapper orders;
    private final PaymentNotificationMapper notifications;
    private final Clock clock;

    public PaymentRecorder(OrderMapper orders, PaymentNotificationMapper notifications, Clock clock) {
        this.orders = orders;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * @param order      the order as it was before this call
     * @param outcome    one of {@link PaymentNotification}'s outcomes
     * @param newlyPaid  true only for the call that moved the order to PAID: the caller then runs
     *                   the remote branches (stock, points, coupon, award)
     */
    public record Decision(Order order, String outcome, boolean newlyPaid) {
    }

    @Transactional
    public Decision record(long orderId, String paymentId, long amountCents) {
        PaymentNotification seen = notifications.selectForUpdate(paymentId);
        Order o = orders.selectForUpdate(orderId);
        if (o == null) {
            throw OrderQueries.unknown(orderId);
        }
        if (seen != null) {
            return new Decision(o, seen.getOutcome(), false);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        String outcome;
        if (Order.CANCELLED.equals(o.getStatus())) {
            outcome = PaymentNotification.REJECTED_ORDER_CANCELLED;
        } else if (Order.PAID.equals(o.getStatus())) {
            outcome = PaymentNotification.REJECTED_ALREADY_PAID;
        } else if (o.getPayableCents() != amountCents) {
            outcome = PaymentNotification.REJECTED_AMOUNT_MISMATCH;
        } else {
            outcome = PaymentNotification.APPLIED;
            Order change = new Order();
            change.setOrderId(orderId);
            change.setStatus(Order.PAID);
            change.setPaymentId(paymentId);
            change.setPaidAt(now);
            change.setUpdatedAt(now);
            orders.updateById(change);
        }
        notifications.insert(new PaymentNotification(paymentId, orderId, amountCents, outcome, now));
        return new Decision(o, outcome, PaymentNotification.APPLIED.equals(outcome));
    }
}

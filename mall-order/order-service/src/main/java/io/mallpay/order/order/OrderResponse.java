package io.mallpay.order.order;

import java.time.LocalDateTime;
import java.util.List;

/**
 * An order as the storefront sees it. All amounts in minor units (pence); times UTC.
 *
 * @param status        CREATED (awaiting payment until {@code payDeadline}), PAID or CANCELLED
 * @param totalCents    goods total at catalogue prices
 * @param payableCents  what the buyer pays: total − coupon discount − points used (1 point = 1p)
 */
public record OrderResponse(long orderId, long userId, String status, long totalCents,
                            Long couponId, long couponDiscountCents, long pointsUsed, long payableCents,
                            LocalDateTime payDeadline, LocalDateTime createdAt, LocalDateTime paidAt,
                            LocalDateTime cancelledAt, String cancelReason, List<Line> lines) {

    /** @param unitPriceCents catalogue price at checkout; @param lineTotalCents unit price × quantity */
    public record Line(String sku, String name, long unitPriceCents, int quantity, long lineTotalCents) {
    }

    public static OrderResponse of(Order o, List<OrderLine> lines) {
        return new OrderResponse(o.getOrderId(), o.getUserId(), o.getStatus(), o.getTotalCents(),
                o.getCouponId(), o.getCouponDiscountCents(), o.getPointsUsed(), o.getPayableCents(),
                o.getPayDeadline(), o.getCreatedAt(), o.getPaidAt(), o.getCancelledAt(), o.getCancelReason(),
                lines.stream().map(l -> new Line(l.getSku(), l.getName(), l.getUnitPriceCents(),
                        l.getQuantity(), l.getLineTotalCents())).toList());
    }
}

package io.mallpay.order.cancel;

import io.mallpay.common.tx.GlobalLockRetry;
import io.mallpay.coupon.api.CouponClient;
import io.mallpay.inventory.api.InventoryClient;
import io.mallpay.order.order.Order;
import io.mallpay.points.api.PointsClient;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Cancel and timeout as one Seata AT global transaction (DESIGN.md flow 7): the order becomes
 * CANCELLED (local branch) and its stock reservation, points freeze and coupon lock are released
 * (remote branches). All or nothing; idempotent. Called through {@link OrderCancelService}, which
 * queues it behind other global transactions on the same SKUs.
 */
@Component
public class OrderCancelTransaction {

    private static final Logger log = LoggerFactory.getLogger(OrderCancelTransaction.class);

    private final OrderStatusWriter writer;
    private final InventoryClient inventory;
    private final PointsClient points;
    private final CouponClient coupons;

    public OrderCancelTransaction(OrderStatusWriter writer, InventoryClient inventory, PointsClient points,
                              CouponClient coupons) {
        this.writer = writer;
        this.inventory = inventory;
        this.points = points;
        this.coupons = coupons;
    }

    /**
     * @return true when this call cancelled the order, false when it was already cancelled
     * @throws io.mallpay.common.web.ApiException ORDER_NOT_CANCELLABLE (409) once paid, UNKNOWN_ORDER (404)
     */
    @GlobalTransactional(name = "mall-order-cancel", timeoutMills = 60_000, rollbackFor = Throwable.class)
    public boolean cancel(long orderId, String reason) {
        Order o = GlobalLockRetry.run(() -> writer.markCancelled(orderId, reason), 20, 50);
        if (o == null) {
            return false;
        }
        inventory.release(orderId);
        if (o.getPointsUsed() > 0) {
            points.unfreeze(orderId);
        }
        if (o.getCouponId() != null) {
            coupons.unlock(o.getCouponId(), new CouponClient.CouponOrderRequest(orderId));
        }
        log.info("cancelled order {} ({}) in global transaction {}", orderId, reason, RootContext.getXID());
        return true;
    }
}

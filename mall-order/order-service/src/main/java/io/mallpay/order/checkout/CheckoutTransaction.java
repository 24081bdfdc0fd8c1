package io.mallpay.order.checkout;

import io.mallpay.common.tx.GlobalLockRetry;
import io.mallpay.coupon.api.CouponClient;
import io.mallpay.inventory.api.InventoryClient;
import io.mallpay.points.api.PointsClient;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Checkout as one Seata AT global transaction (DESIGN.md flow 1): the order and its lines (local
 * branch), the coupon lock, the points freeze and the stock reservation (remote AT branches). Any
 * exception — a business rejection decoded from a participant, a timeout, a crash — rolls every
 * branch back.
 *
 * <p>The stock reservation goes last on purpose: the hot rows of a checkout are SKU rows, and the
 * later their global locks are taken, the shorter they are held before the global commit.
 */
@Component
public class CheckoutTransaction {

    private static final int LOCAL_TRIES = 20;
    private static final long LOCAL_PAUSE_MILLIS = 50;

    private static final Logger log = LoggerFactory.getLogger(CheckoutTransaction.class);

    private final OrderWriter writer;
    private final InventoryClient inventory;
    private final PointsClient points;
    private final CouponClient coupons;

    public CheckoutTransaction(OrderWriter writer, InventoryClient inventory, PointsClient points, CouponClient coupons) {
        this.writer = writer;
        this.inventory = inventory;
        this.points = points;
        this.coupons = coupons;
    }

    /** Returns the new order id; throws the first rejection (after the global rollback). */
    @GlobalTransactional(name = "mall-checkout", timeoutMills = 60_000, rollbackFor = Throwable.class)
    public long place(String idempotencyKey, String requestHash, CheckoutRequest request,
                      List<OrderPricing.PricedLine> priced, Duration paymentTimeout) {
        long userId = request.userId();
        // local branch; re-run in a fresh local transaction if InnoDB picks it as a deadlock victim
        long orderId = GlobalLockRetry.run(() -> writer.insertOrder(idempotencyKey, requestHash, userId,
                request.couponId(), priced, paymentTimeout), LOCAL_TRIES, LOCAL_PAUSE_MILLIS);
        long total = OrderPricing.total(priced);
        long discount = 0;
        if (request.couponId() != null) {
            discount = coupons.lock(request.couponId(), new CouponClient.CouponLockRequest(orderId, userId, total))
                    .discountCents();
        }
        long pointsToUse = request.points();
        long payable = OrderPricing.payable(total, discount, pointsToUse);
        if (pointsToUse > 0) {
            points.freeze(new PointsClient.PointsFreezeRequest(orderId, userId, pointsToUse));
        }
        inventory.reserve(new InventoryClient.StockReserveRequest(orderId, priced.stream()
                .map(l -> new InventoryClient.StockLine(l.sku(), l.quantity())).toList()));
        long couponDiscount = discount;
        GlobalLockRetry.run(() -> writer.setAmounts(orderId, couponDiscount, pointsToUse, payable), LOCAL_TRIES,
                LOCAL_PAUSE_MILLIS);
        log.info("checkout order {} user {} total {}p payable {}p in global transaction {}",
                orderId, userId, total, payable, RootContext.getXID());
        return orderId;
    }
}

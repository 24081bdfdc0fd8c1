package io.mallpay.order.payment;

import io.mallpay.coupon.api.CouponClient;
import io.mallpay.inventory.api.InventoryClient;
import io.mallpay.order.order.Order;
import io.mallpay.order.settings.OrderSettings;
import io.mallpay.points.api.PointsClient;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.spring.annotation.GlobalTransactional;
import io.mallpay.common.tx.GlobalLockRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Payment result in the mall as one Seata AT global transaction (DESIGN.md flow 6): order PAID
 * (local branch), stock reserved → sold, frozen points spent, coupon USED, consumption points
 * awarded (remote branches). Idempotent on the payment id: a repeated notification finds its
 * recorded outcome and calls no participant. Called through {@link PaymentResultService}, which
 * queues it behind other global transactions on the same SKUs.
 */
@Component
public class PaymentResultTransaction {

    private static final Logger log = LoggerFactory.getLogger(PaymentResultTransaction.class);
    private static final int LOCAL_TRIES = 20;
    private static final long LOCAL_PAUSE_MILLIS = 50;

    private final PaymentRecorder recorder;
    private final InventoryClient inventory;
    private final PointsClient points;
    private final CouponClient coupons;
    private final OrderSettings settings;

    public PaymentResultTransaction(PaymentRecorder recorder, InventoryClient inventory, PointsClient points,
                                CouponClient coupons, OrderSettings settings) {
        this.recorder = recorder;
        this.inventory = inventory;
        this.points = points;
        this.coupons = coupons;
        this.settings = settings;
    }

    @GlobalTransactional(name = "mall-payment-result", timeoutMills = 60_000, rollbackFor = Throwable.class)
    public PaymentRecorder.Decision apply(long orderId, String paymentId, long amountCents) {
        // The local branch re-runs in a fresh local transaction if InnoDB picks it as a deadlock
        // victim (concurrent results lock neighbouring gaps of payment_notification before inserting)
        // or if another global transaction holds the order row.
        PaymentRecorder.Decision d = GlobalLockRetry.run(() -> recorder.record(orderId, paymentId, amountCents),
                LOCAL_TRIES, LOCAL_PAUSE_MILLIS);
        if (!d.newlyPaid()) {
            return d;
        }
        Order o = d.order();
        inventory.deduct(orderId);
        if (o.getPointsUsed() > 0) {
            points.spend(orderId);
        }
        if (o.getCouponId() != null) {
            coupons.use(o.getCouponId(), new CouponClient.CouponOrderRequest(orderId));
        }
        long award = PaymentResultService.consumptionPoints(o.getPayableCents(), settings.getPointsPerPound());
        if (award > 0) {
            points.award(new PointsClient.PointsAwardRequest(orderId, o.getUserId(), award, PaymentResultService.CONSUMPTION));
        }
        log.info("order {} paid by {} ({}p), {} points awarded, in global transaction {}",
                orderId, paymentId, amountCents, award, RootContext.getXID());
        return d;
    }
}

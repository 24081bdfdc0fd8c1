package io.mallpay.order.cancel;

import io.mallpay.order.order.OrderMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Cancels unpaid orders past their payment deadline ({@code mall.order.payment-timeout}, fixed per
 * order at checkout), each in its own global transaction. Safe with several instances: cancel is
 * idempotent and serialised per order by the row lock and Seata's global lock. One failing order
 * does not stop the scan; it is retried on the next one.
 */
@Component
public class OrderTimeoutJob {

    private static final Logger log = LoggerFactory.getLogger(OrderTimeoutJob.class);
    private static final int BATCH = 100;

    private final OrderMapper orders;
    private final OrderCancelService cancel;
    private final Clock clock;

    public OrderTimeoutJob(OrderMapper orders, OrderCancelService cancel, Clock clock) {
        this.orders = orders;
        this.cancel = cancel;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${mall.order.timeout-scan-millis:5000}",
            fixedDelayString = "${mall.order.timeout-scan-millis:5000}")
    public void cancelExpired() {
        for (Long orderId : orders.findExpired(LocalDateTime.now(clock), BATCH)) {
            try {
                if (cancel.cancel(orderId, OrderCancelService.REASON_TIMEOUT)) {
                    log.info("order {} passed its payment deadline: cancelled", orderId);
                }
            } catch (RuntimeException e) {
                log.warn("timeout cancel of order {} failed, will retry: {}", orderId, e.getMessage());
            }
        }
    }
}

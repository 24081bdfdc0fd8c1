package io.mallpay.order.order;

import io.mallpay.order.checkout.SkuLocks;
import io.mallpay.order.settings.OrderSettings;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/** Runs a global transaction on an existing order in its SKUs' turn ({@link SkuLocks}). */
@Component
public class OrderSkuQueue {

    private final OrderLineMapper lines;
    private final SkuLocks skuLocks;
    private final OrderSettings settings;

    public OrderSkuQueue(OrderLineMapper lines, SkuLocks skuLocks, OrderSettings settings) {
        this.lines = lines;
        this.skuLocks = skuLocks;
        this.settings = settings;
    }

    public <T> T inTurn(long orderId, Supplier<T> globalTransaction) {
        var skus = lines.findByOrder(orderId).stream().map(OrderLine::getSku).toList();
        try (SkuLocks.Held held = skuLocks.acquire(skus, settings.getCheckoutQueueTimeout())) {
            return globalTransaction.get();
        }
    }
}

package io.mallpay.order.settings;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the live order rules so that a storefront can tell a buyer how long an unpaid order
 * is kept. Reflects a change made in Nacos within seconds, without a restart.
 */
@RestController
public class OrderSettingsController {

    private final OrderSettings settings;

    public OrderSettingsController(OrderSettings settings) {
        this.settings = settings;
    }

    /**
     * {@code GET /api/orders/settings} → {@code {"paymentTimeoutSeconds": 1800}}.
     */
    @GetMapping("/api/orders/settings")
    public OrderSettingsResponse get() {
        return new OrderSettingsResponse(settings.getPaymentTimeout().toSeconds());
    }

    /** @param paymentTimeoutSeconds seconds an order may stay unpaid before it is cancelled */
    public record OrderSettingsResponse(long paymentTimeoutSeconds) {
    }
}

package io.mallpay.order.settings;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Order rules that operators tune in the Nacos console ({@code mall.order.*} in
 * {@code nacos-config/mall-order.yaml}). When Nacos pushes a change, Spring Cloud's
 * {@code ConfigurationPropertiesRebinder} re-binds this bean in place: no restart. It is a mutable
 * JavaBean on purpose: a constructor-bound record cannot be re-bound and would keep the old value.
 */
@Validated
@ConfigurationProperties(prefix = "mall.order")
public class OrderSettings {

    /**
     * How long an order may stay unpaid before the timeout job cancels it and releases its stock,
     * points and coupon (DESIGN.md flow 7). Spring duration syntax, e.g. {@code 30m}.
     */
    @NotNull
    private Duration paymentTimeout = Duration.ofMinutes(30);

    /** Checkouts running their global transaction at once per instance (read at start). */
    private int maxConcurrentCheckouts = 16;

    /** How long a checkout waits for its turn before answering 503 BUSY. */
    private Duration checkoutQueueTimeout = Duration.ofSeconds(30);

    public int getMaxConcurrentCheckouts() {
        return maxConcurrentCheckouts;
    }

    public void setMaxConcurrentCheckouts(int maxConcurrentCheckouts) {
        this.maxConcurrentCheckouts = maxConcurrentCheckouts;
    }

    public Duration getCheckoutQueueTimeout() {
        return checkoutQueueTimeout;
    }

    public void setCheckoutQueueTimeout(Duration checkoutQueueTimeout) {
        this.checkoutQueueTimeout = checkoutQueueTimeout;
    }

    /** Consumption points awarded per whole pound paid (DESIGN.md flow 6). */
    private long pointsPerPound = 1;

    public long getPointsPerPound() {
        return pointsPerPound;
    }

    public void setPointsPerPound(long pointsPerPound) {
        this.pointsPerPound = pointsPerPound;
    }

    public Duration getPaymentTimeout() {
        return paymentTimeout;
    }

    public void setPaymentTimeout(Duration paymentTimeout) {
        this.paymentTimeout = paymentTimeout;
    }
}

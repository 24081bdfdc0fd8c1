package io.mallpay.order.settings;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Order rules that operators tune in the Nacos console ({@code mall.order.*} in
 * {@code nacos-config/mall-order.yaml}). Being {@code @ConfigurationProperties}, the bean is
 * re-bound when Nacos pushes a change: no restart needed.
 *
 * @param paymentTimeout how long an order may stay unpaid before the timeout job cancels it and
 *                       releases its stock, points and coupon (DESIGN.md flow 7); ISO-8601
 *                       or Spring duration syntax, e.g. {@code 30m}
 */
@Validated
@ConfigurationProperties(prefix = "mall.order")
public record OrderSettings(@NotNull Duration paymentTimeout) {
}

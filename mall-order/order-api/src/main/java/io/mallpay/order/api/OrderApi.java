package io.mallpay.order.api;

/**
 * The published contract of {@code mall-order}: its Nacos service name, which consumers' Feign
 * clients resolve through the registry. Owns orders, order lines and received payment notifications; TM of checkout, payment-result handling and cancel/timeout.
 */
public final class OrderApi {

    /** Service name in Nacos ({@code spring.application.name} of the provider). */
    public static final String SERVICE = "mall-order";

    private OrderApi() {
    }
}

package io.mallpay.pay.api;

/**
 * The published contract of {@code pay-payment}: its Nacos service name, which consumers' Feign
 * clients resolve through the registry. The payment platform's payment-order subsystem: payment orders, bank submission and callbacks, TM of payment completion.
 */
public final class PaymentApi {

    /** Service name in Nacos ({@code spring.application.name} of the provider). */
    public static final String SERVICE = "pay-payment";

    private PaymentApi() {
    }
}

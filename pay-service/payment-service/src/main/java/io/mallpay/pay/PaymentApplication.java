package io.mallpay.pay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The {@code pay-payment} process. The payment platform's payment-order subsystem: payment orders, bank submission and callbacks, TM of payment completion. Its configuration is imported from Nacos
 * ({@code nacos-config/pay-payment.yaml} plus the shared files); it registers itself in Nacos at
 * 127.0.0.1 and answers {@code /actuator/health}.
 */
@SpringBootApplication
public class PaymentApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentApplication.class, args);
    }
}

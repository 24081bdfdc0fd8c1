package io.mallpay.pay;

import io.mallpay.fund.api.FundAccountClient;
import io.mallpay.order.api.OrderClient;
import io.mallpay.points.api.PointsClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/**
 * The {@code pay-payment} process: the payment platform's payment-order subsystem — payment orders,
 * bank submission, signed callbacks and status queries, TM of the payment-completion global
 * transaction (TCC on pay-fund and mall-points), producer of the reliable accounting messages,
 * and the best-effort merchant notifier. Its configuration is imported from Nacos
 * ({@code nacos-config/pay-payment.yaml} plus the shared files); it registers itself in Nacos at
 * 127.0.0.1 and answers {@code /actuator/health}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableFeignClients(clients = {OrderClient.class, FundAccountClient.class, PointsClient.class})
public class PaymentApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

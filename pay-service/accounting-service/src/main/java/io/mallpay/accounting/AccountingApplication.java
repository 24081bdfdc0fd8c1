package io.mallpay.accounting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The {@code pay-accounting} process. The payment platform's accounting subsystem (DESIGN.md flow
 * 4): consumes the reliable {@code PAYMENT_ACCOUNTING} messages, books one balanced double-entry
 * voucher per payment, and lets an operator inspect and re-drive the dead-letter queue. Its
 * configuration is imported from Nacos ({@code nacos-config/pay-accounting.yaml} plus the shared
 * files); it registers itself in Nacos at 127.0.0.1 and answers {@code /actuator/health}.
 */
@SpringBootApplication
@EnableConfigurationProperties(AccountingProperties.class)
public class AccountingApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccountingApplication.class, args);
    }
}

package io.mallpay.fund;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The {@code pay-fund} process, the payment platform's fund-account subsystem: merchant and user
 * fund accounts (available / incoming / outgoing, in pence), their ledger, and the TCC actions
 * {@code fund-credit} and {@code fund-debit} of payment completion. Its configuration is imported
 * from Nacos ({@code nacos-config/pay-fund.yaml} plus the shared files); it registers itself in
 * Nacos at 127.0.0.1 and answers {@code /actuator/health}.
 */
@SpringBootApplication
public class FundApplication {

    public static void main(String[] args) {
        SpringApplication.run(FundApplication.class, args);
    }
}

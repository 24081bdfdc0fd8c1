package io.mallpay.bank;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The {@code bank-sandbox} process: a stand-in for the external bank. It holds cards with
 * balances (pence), accepts card charges from the platform server to server, decides them
 * asynchronously and reports the result only through a signed callback, and answers a signed
 * status query. It is an external party: configured by its local {@code application.yml}, never
 * registered in Nacos and never part of a Seata global transaction. It refuses to start without
 * {@code BANK_CALLBACK_SECRET}.
 */
@SpringBootApplication
public class BankSandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(BankSandboxApplication.class, args);
    }
}

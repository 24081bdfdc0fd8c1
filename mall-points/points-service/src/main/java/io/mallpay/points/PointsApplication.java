package io.mallpay.points;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The {@code mall-points} process. Owns users' points accounts (available / frozen) and the points ledger; AT branches freeze, spend, unfreeze, award, and the TCC action for reward points. Its configuration is imported from Nacos
 * ({@code nacos-config/mall-points.yaml} plus the shared files); it registers itself in Nacos at
 * 127.0.0.1 and answers {@code /actuator/health}.
 */
@SpringBootApplication
public class PointsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PointsApplication.class, args);
    }
}

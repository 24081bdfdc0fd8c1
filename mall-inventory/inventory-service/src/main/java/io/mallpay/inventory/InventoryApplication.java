package io.mallpay.inventory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The {@code mall-inventory} process. Owns stock per SKU (available / reserved / sold); AT branches reserve, deduct and release. Its configuration is imported from Nacos
 * ({@code nacos-config/mall-inventory.yaml} plus the shared files); it registers itself in Nacos at
 * 127.0.0.1 and answers {@code /actuator/health}.
 */
@SpringBootApplication
public class InventoryApplication {

    public static void main(String[] args) {
        SpringApplication.run(InventoryApplication.class, args);
    }
}

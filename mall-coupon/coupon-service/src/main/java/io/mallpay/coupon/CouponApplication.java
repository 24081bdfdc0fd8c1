package io.mallpay.coupon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The {@code mall-coupon} process. Owns coupon templates and user coupons (AVAILABLE / LOCKED / USED); AT branches lock, use, unlock. Its configuration is imported from Nacos
 * ({@code nacos-config/mall-coupon.yaml} plus the shared files); it registers itself in Nacos at
 * 127.0.0.1 and answers {@code /actuator/health}.
 */
@SpringBootApplication
public class CouponApplication {

    public static void main(String[] args) {
        SpringApplication.run(CouponApplication.class, args);
    }
}

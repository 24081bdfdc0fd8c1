package io.mallpay.order;

import io.mallpay.coupon.api.CouponClient;
import io.mallpay.inventory.api.InventoryClient;
import io.mallpay.points.api.PointsClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The {@code mall-order} process: owns orders, order lines and received payment results, and is
 * the TM of the mall's three Seata AT global transactions — checkout, payment result, and
 * cancel/timeout. Its configuration is imported from Nacos ({@code nacos-config/mall-order.yaml}
 * plus the shared files); it registers itself in Nacos at 127.0.0.1.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableFeignClients(clients = {InventoryClient.class, PointsClient.class, CouponClient.class})
public class OrderApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderApplication.class, args);
    }
}

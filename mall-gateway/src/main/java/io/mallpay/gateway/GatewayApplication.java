package io.mallpay.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The storefront's single base URL ({@code ./mall status --json} reports it as
 * {@code storefront}). Routes the public {@code /api/**} paths to the services found in Nacos
 * ({@code nacos-config/mall-gateway.yaml}); the services' {@code /internal/**} endpoints are not
 * routed, so they are not reachable through it. Serves the services' OpenAPI documents under
 * {@code /v3/api-docs/<service>} and Swagger UI at {@code /swagger-ui.html}.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}

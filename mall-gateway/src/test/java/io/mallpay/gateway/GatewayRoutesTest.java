package io.mallpay.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route table in nacos-config/mall-gateway.yaml: every public storefront path is routed and no
 * route exposes a service's /internal/** endpoints.
 */
class GatewayRoutesTest {

    @Test
    void routesCoverTheStorefrontAndNeverInternalPaths() throws Exception {
        Path file = Path.of("..", "nacos-config", "mall-gateway.yaml");
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("gw", new FileSystemResource(file));
        PropertySource<?> p = sources.get(0);
        List<String> predicates = new ArrayList<>();
        for (int i = 0; p.getProperty("spring.cloud.gateway.routes[" + i + "].id") != null; i++) {
            predicates.add(String.valueOf(p.getProperty("spring.cloud.gateway.routes[" + i + "].predicates[0]")));
        }
        assertThat(predicates).contains("Path=/api/products,/api/products/**", "Path=/api/orders,/api/orders/**",
                "Path=/api/users/*/points", "Path=/api/users/*/coupons", "Path=/api/users/*/wallet",
                "Path=/api/payments,/api/payments/**,/api/users/*/card,/api/merchants/*/payments");
        assertThat(predicates).noneMatch(s -> s.contains("internal") || s.contains("/**/"));
    }
}

package io.mallpay.gateway;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route table in nacos-config/mall-gateway.yaml: every public storefront path is routed to
 * its service unchanged (no filter rewrites it), each service's OpenAPI document is routed with
 * its path set to that service's {@code /v3/api-docs}, and no route exposes a service's
 * /internal/** endpoints.
 */
class GatewayRoutesTest {

    /** One route as configured: target, predicates and filters in order. */
    record Route(String uri, List<String> predicates, List<String> filters) {
    }

    private static PropertySource<?> yaml;
    private static Map<String, Route> routes;

    @BeforeAll
    static void load() throws Exception {
        Path file = Path.of("..", "nacos-config", "mall-gateway.yaml");
        yaml = new YamlPropertySourceLoader().load("gw", new FileSystemResource(file)).get(0);
        routes = new LinkedHashMap<>();
        for (int i = 0; yaml.getProperty(key(i, "id")) != null; i++) {
            routes.put(String.valueOf(yaml.getProperty(key(i, "id"))), new Route(
                    String.valueOf(yaml.getProperty(key(i, "uri"))), list(key(i, "predicates")), list(key(i, "filters"))));
        }
    }

    private static String key(int route, String field) {
        return "spring.cloud.gateway.routes[" + route + "]." + field;
    }

    private static List<String> list(String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 0; yaml.getProperty(prefix + "[" + i + "]") != null; i++) {
            out.add(String.valueOf(yaml.getProperty(prefix + "[" + i + "]")));
        }
        return out;
    }

    @Test
    void everyStorefrontPathGoesToItsServiceUnfiltered() {
        Map<String, Route> expected = Map.of(
                "products", new Route("lb://mall-inventory", List.of("Path=/api/products,/api/products/**"), List.of()),
                "user-points", new Route("lb://mall-points", List.of("Path=/api/users/*/points"), List.of()),
                "user-coupons", new Route("lb://mall-coupon", List.of("Path=/api/users/*/coupons"), List.of()),
                "orders", new Route("lb://mall-order", List.of("Path=/api/orders,/api/orders/**"), List.of()),
                "payments", new Route("lb://pay-payment",
                        List.of("Path=/api/payments,/api/payments/**,/api/users/*/card,/api/merchants/*/payments"),
                        List.of()),
                "user-wallet", new Route("lb://pay-fund", List.of("Path=/api/users/*/wallet"), List.of()));

        expected.forEach((id, route) -> assertThat(routes).as(id).containsEntry(id, route));
        assertThat(yaml.getProperty("spring.cloud.gateway.default-filters[0]")).as("no filter on every route").isNull();
    }

    @Test
    void eachServicesApiDocsAreRoutedWithTheirPathSetToThatServicesDocument() {
        List<String> services = List.of("mall-inventory", "mall-points", "mall-coupon", "mall-order", "pay-payment");

        for (String service : services) {
            assertThat(routes.get("api-docs-" + service)).as(service).isEqualTo(new Route("lb://" + service,
                    List.of("Path=/v3/api-docs/" + service), List.of("SetPath=/v3/api-docs")));
        }
        assertThat(routes.keySet()).filteredOn(id -> id.startsWith("api-docs-")).hasSize(services.size());
    }

    @Test
    void onlyTheApiDocsRoutesHaveFiltersAndNoRouteReachesInternalPaths() {
        assertThat(routes).hasSize(11);
        routes.forEach((id, r) -> {
            assertThat(r.filters()).as(id).allMatch(f -> id.startsWith("api-docs-") && f.startsWith("SetPath="));
            assertThat(r.predicates()).as(id).noneMatch(s -> s.contains("internal") || s.contains("/**/"))
                    .allMatch(s -> s.startsWith("Path=/api/") || s.startsWith("Path=/v3/api-docs/"));
        });
    }
}

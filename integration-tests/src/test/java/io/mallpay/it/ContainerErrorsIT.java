package io.mallpay.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Mall;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors the servlet container raises before any controller runs are problem+json too (issue 12,
 * item 6): an encoded slash in the path (Tomcat refuses it) and request headers over Tomcat's
 * limit, on every service port and, for the path, through the storefront gateway — where the
 * HTML page of Tomcat used to come back. The gateway's own refusal of oversized headers (Reactor
 * Netty's decoder) is a 431 with an empty body, which this records as it is.
 */
class ContainerErrorsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<String> SERVICE_PORTS = List.of("MALL_ORDER_PORT", "MALL_INVENTORY_PORT",
            "MALL_POINTS_PORT", "MALL_COUPON_PORT", "PAY_PAYMENT_PORT", "PAY_FUND_PORT", "PAY_ACCOUNTING_PORT");

    private static HttpResponse<String> get(String url, String bigHeader) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (bigHeader != null) {
            b.header("X-Big", bigHeader);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(String where, HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(where + ": " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(where).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode body = Stack.readJson(r.body());
        assertThat(body.path("code").asText()).as(where).isEqualTo(code);
        assertThat(body.path("type").asText()).as(where).isEqualTo("urn:mallpay:problem:" + code);
        assertThat(r.body()).as(where).doesNotContain("<html");
    }

    @Test
    void anEncodedSlashIsAProblemOnEveryServicePortAndThroughTheGateway() throws Exception {
        for (String port : SERVICE_PORTS) {
            String url = "http://127.0.0.1:" + Stack.get().port(port) + "/api/products/..%2F..%2Factuator";
            assertProblem(port, get(url, null), 400, "BAD_REQUEST");
        }
        assertProblem("gateway", get(Mall.storefront() + "/api/products/..%2F..%2Factuator", null), 400, "BAD_REQUEST");
    }

    @Test
    void oversizedHeadersAreAProblemOnEveryServicePort() throws Exception {
        String big = "a".repeat(20_000);
        for (String port : SERVICE_PORTS) {
            assertProblem(port, get("http://127.0.0.1:" + Stack.get().port(port) + "/actuator/health", big),
                    400, "BAD_REQUEST");
        }
        HttpResponse<String> gateway = get(Mall.storefront() + "/api/products", big);
        assertThat(gateway.statusCode()).as("the gateway refuses them itself").isEqualTo(431);
    }
}

package io.mallpay.common.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mallpay.common.MallCommonAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real embedded Tomcat with the customizer {@link MallCommonAutoConfiguration} contributes:
 * requests Tomcat refuses before any servlet runs answer problem+json, not Tomcat's HTML page.
 */
class ProblemErrorReportValveTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private WebServer server;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() {
        AtomicReference<WebServerFactoryCustomizer<TomcatServletWebServerFactory>> customizer = new AtomicReference<>();
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MallCommonAutoConfiguration.class))
                .withPropertyValues("seata.enabled=false")
                .run(ctx -> customizer.set(ctx.getBean("problemErrorReportValve", WebServerFactoryCustomizer.class)));
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.setAddress(java.net.InetAddress.getLoopbackAddress());
        customizer.get().customize(factory);
        server = factory.getWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String path, String header) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(10));
        if (header != null) {
            b.header("X-Big", header);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEncodedSlashIsABadRequestProblem() throws Exception {
        HttpResponse<String> r = get("/api/products/..%2F..%2Factuator", null);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.path("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(body.path("type").asText()).isEqualTo("urn:mallpay:problem:BAD_REQUEST");
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("<html").doesNotContain("actuator");
    }

    @Test
    void oversizedHeadersAreAProblemToo() throws Exception {
        HttpResponse<String> r = get("/api/products", "a".repeat(20_000));

        assertThat(r.statusCode()).isBetween(400, 431);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(new ObjectMapper().readTree(r.body()).path("code").asText()).isIn("BAD_REQUEST", "HEADERS_TOO_LARGE");
    }

    @Test
    void codesFollowTheStatus() {
        assertThat(ProblemErrorReportValve.codeFor(404)).isEqualTo("NOT_FOUND");
        assertThat(ProblemErrorReportValve.codeFor(431)).isEqualTo("HEADERS_TOO_LARGE");
        assertThat(ProblemErrorReportValve.codeFor(418)).isEqualTo("HTTP_418");
    }
}

package io.mallpay.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamProblemHandlerTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final UpstreamProblemHandler handler = new UpstreamProblemHandler(mapper);

    @Test
    void aRefusedConnectionIs503UpstreamUnavailableAsProblemJson() throws Exception {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/orders"));
        Exception refused = new RuntimeException(new ConnectException("Connection refused: /127.0.0.1:8081"));

        handler.handle(exchange, refused).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode body = mapper.readTree(exchange.getResponse().getBodyAsString().block());
        assertThat(body.path("code").asText()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(body.path("status").asInt()).isEqualTo(503);
        assertThat(body.path("instance").asText()).isEqualTo("/api/orders");
    }

    @Test
    void eachUpstreamFailureHasItsOwnStatusAndCode() {
        assertThat(UpstreamProblemHandler.classify(NotFoundException.create(true, "no instance of mall-order")).code())
                .isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(UpstreamProblemHandler.classify(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT)).status())
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(UpstreamProblemHandler.classify(new TimeoutException()).code()).isEqualTo("UPSTREAM_TIMEOUT");
        assertThat(UpstreamProblemHandler.classify(reactor.netty.http.client.PrematureCloseException.TEST_EXCEPTION)
                .code()).isEqualTo("UPSTREAM_CLOSED");
        // a service killed mid-request: the kernel resets the connection (seen in ./mall chaos kill-order)
        assertThat(UpstreamProblemHandler.classify(new RuntimeException(
                new java.io.IOException("recvAddress(..) failed: Connection reset by peer"))).status())
                .isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    @Test
    void anythingElseGoesOnToBootsHandlerUnchanged() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/orders/1"));
        IllegalStateException bug = new IllegalStateException("a bug");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> handler.handle(exchange, bug).block()).isSameAs(bug);
        assertThat(UpstreamProblemHandler.classify(new ResponseStatusException(HttpStatus.NOT_FOUND))).isNull();
    }
}

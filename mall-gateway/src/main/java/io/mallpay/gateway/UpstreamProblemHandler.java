package io.mallpay.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Answers the storefront's clients with problem+json and a stable {@code code} when the gateway
 * cannot get an answer from the service behind a route, instead of Boot's generic 500:
 * <ul>
 *   <li>503 {@code UPSTREAM_UNAVAILABLE}: no instance in Nacos, or the instance refused or did not
 *       accept the connection (a stopped or killed service). Nothing reached the service: retrying
 *       the same request, with the same {@code Idempotency-Key}, is safe.</li>
 *   <li>502 {@code UPSTREAM_CLOSED}: the service closed or reset the connection before answering
 *       (killed mid-request), or another I/O error cut the exchange. The request may or may not have taken effect: retry with the same
 *       {@code Idempotency-Key} to learn which.</li>
 *   <li>504 {@code UPSTREAM_TIMEOUT}: no answer within the route's response timeout (60 s,
 *       mall-gateway.yaml); same advice as 502.</li>
 * </ul>
 * Every other error goes on to Boot's handler unchanged. Ordered before it (-2 &lt; -1).
 */
@Component
@Order(-2)
public class UpstreamProblemHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UpstreamProblemHandler.class);
    private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    /** The answer for one kind of upstream failure. */
    record Problem(HttpStatus status, String code, String detail) {
    }

    private final ObjectMapper mapper;

    public UpstreamProblemHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        Problem p = classify(ex);
        ServerHttpResponse response = exchange.getResponse();
        if (p == null || response.isCommitted()) {
            return Mono.error(ex);
        }
        String path = exchange.getRequest().getPath().value();
        log.warn("{} {} {}: {}", p.status().value(), p.code(), path, ex.toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:mallpay:problem:" + p.code());
        body.put("title", p.code());
        body.put("status", p.status().value());
        body.put("detail", p.detail());
        body.put("instance", path);
        body.put("code", p.code());
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            bytes = ("{\"code\":\"" + p.code() + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        response.setStatusCode(p.status());
        response.getHeaders().setContentType(PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** The problem for an upstream failure anywhere in {@code ex}'s cause chain; null for anything else. */
    static Problem classify(Throwable ex) {
        int depth = 0;
        for (Throwable t = ex; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof NotFoundException || t instanceof ConnectException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                        "the service behind this route is not available; nothing reached it, retry later");
            }
            if (t.getClass().getName().equals("reactor.netty.http.client.PrematureCloseException")
                    || t instanceof java.io.IOException) {
                return new Problem(HttpStatus.BAD_GATEWAY, "UPSTREAM_CLOSED",
                        "the service closed the connection before answering; retry with the same Idempotency-Key");
            }
            if (t instanceof TimeoutException
                    || t instanceof ResponseStatusException r && r.getStatusCode().value() == 504) {
                return new Problem(HttpStatus.GATEWAY_TIMEOUT, "UPSTREAM_TIMEOUT",
                        "the service did not answer in time; retry with the same Idempotency-Key");
            }
        }
        return null;
    }
}

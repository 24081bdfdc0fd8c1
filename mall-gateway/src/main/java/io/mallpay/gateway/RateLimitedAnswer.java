package io.mallpay.gateway;

import com.alibaba.csp.sentinel.adapter.gateway.sc.callback.BlockRequestHandler;
import com.alibaba.csp.sentinel.adapter.gateway.sc.callback.GatewayCallbackManager;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import io.mallpay.common.sentinel.BlockedAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The storefront's answer to a request refused by a Sentinel gateway rule (per-route and per-API
 * QPS, {@code nacos-config/sentinel/mall-gateway-gw-flow-rules.json}): {@code 429} problem+json,
 * code {@code RATE_LIMITED}, header {@code Retry-After: 1} (seconds). The request never reached a
 * service: retrying it with the same {@code Idempotency-Key} is safe. Replaces the adapter's
 * default plain-text answer once every bean exists.
 */
@Component
public class RateLimitedAnswer implements BlockRequestHandler, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RateLimitedAnswer.class);

    @Override
    public void afterSingletonsInstantiated() {
        GatewayCallbackManager.setBlockHandler(this);
    }

    @Override
    public Mono<ServerResponse> handleRequest(ServerWebExchange exchange, Throwable t) {
        BlockedAnswer answer = t instanceof BlockException b
                ? BlockedAnswer.of(b, b.getRule() != null ? b.getRule().getResource() : null)
                : new BlockedAnswer(429, "RATE_LIMITED", "refused by a flow rule: " + t.getMessage(), 1, null);
        String path = exchange.getRequest().getPath().value();
        log.info("refused {} {}: {}", exchange.getRequest().getMethod(), path, answer.code());
        ServerResponse.BodyBuilder r = ServerResponse.status(answer.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (answer.retryAfterSeconds() > 0) {
            r = r.header("Retry-After", String.valueOf(answer.retryAfterSeconds()));
        }
        return r.body(BodyInserters.fromValue(answer.body(path)));
    }
}

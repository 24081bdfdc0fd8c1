package io.mallpay.common.sentinel;

import com.alibaba.csp.sentinel.adapter.spring.webmvc_v6x.callback.BlockExceptionHandler;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request that a Sentinel rule on its URL refused (Spring Cloud Alibaba's web
 * interceptor, before the controller runs, so nothing was done): problem+json from
 * {@link BlockedAnswer} with {@code Retry-After}.
 */
public class ProblemBlockExceptionHandler implements BlockExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemBlockExceptionHandler.class);

    private final ObjectMapper mapper;

    public ProblemBlockExceptionHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, String resourceName,
                       BlockException e) throws Exception {
        BlockedAnswer answer = BlockedAnswer.of(e, resourceName);
        log.info("refused {} {}: {}", request.getMethod(), request.getRequestURI(), answer.code());
        response.setStatus(answer.status());
        response.setContentType("application/problem+json");
        if (answer.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", String.valueOf(answer.retryAfterSeconds()));
        }
        mapper.writeValue(response.getOutputStream(), answer.body(request.getRequestURI()));
    }
}

package io.mallpay.common.sentinel;

import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.authority.AuthorityException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stable answer to a request or call that a Sentinel rule refused, the same in every service
 * and in the gateway (issue 10, item 5):
 * <ul>
 *   <li>a flow rule, a hot-parameter rule or a system rule: {@code 429 RATE_LIMITED} with
 *       {@code Retry-After: 1} (seconds; Sentinel's flow statistics are per second, so the next
 *       second may admit the request);</li>
 *   <li>an open circuit (a degrade rule): {@code 503 CIRCUIT_OPEN} naming the participant, with
 *       {@code Retry-After} = the rule's recovery window in seconds (the circuit half-opens then);</li>
 *   <li>an authority rule: {@code 403 FORBIDDEN_BY_RULE}.</li>
 * </ul>
 * A refused request did nothing: the rule is checked before the call it guards. Retrying it with
 * the same {@code Idempotency-Key} is always safe.
 *
 * @param status    HTTP status
 * @param code      stable problem code
 * @param detail    human-readable detail (not part of the contract)
 * @param retryAfterSeconds value of the {@code Retry-After} header, seconds; 0 for none
 * @param participant the remote service a circuit guards (Nacos service name), else null
 */
public record BlockedAnswer(int status, String code, String detail, int retryAfterSeconds, String participant) {

    /** The answer for {@code e}, raised by the rule guarding {@code resource}. */
    public static BlockedAnswer of(BlockException e, String resource) {
        String name = resource != null ? resource : e.getRule() != null ? e.getRule().getResource() : "?";
        if (e instanceof DegradeException) {
            String participant = participantOf(name);
            int window = e.getRule() instanceof DegradeRule d ? Math.max(1, d.getTimeWindow()) : 1;
            return new BlockedAnswer(503, "CIRCUIT_OPEN",
                    "the circuit to " + participant + " is open (" + name + " failed or was slow too often);"
                            + " nothing was called, nothing changed; retry after " + window + " s",
                    window, participant);
        }
        if (e instanceof AuthorityException) {
            return new BlockedAnswer(403, "FORBIDDEN_BY_RULE", "refused by an authority rule on " + name, 0, null);
        }
        return new BlockedAnswer(429, "RATE_LIMITED",
                "refused by the flow rule on " + name + ": over its configured rate; nothing changed;"
                        + " retry after 1 s with the same Idempotency-Key", 1, null);
    }

    /**
     * The service a Feign resource calls: {@code POST:http://mall-points/internal/points/freezes}
     * names {@code mall-points}. Any other resource name is returned as it is.
     */
    public static String participantOf(String resource) {
        int scheme = resource.indexOf("://");
        if (scheme < 0) {
            return resource;
        }
        int start = scheme + 3;
        int end = resource.indexOf('/', start);
        return end < 0 ? resource.substring(start) : resource.substring(start, end);
    }

    /** The problem+json body (RFC 9457, with {@code code}, as {@code ProblemHandler} renders it). */
    public Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:mallpay:problem:" + code);
        body.put("title", code);
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", code);
        if (participant != null) {
            body.put("participant", participant);
        }
        return body;
    }
}

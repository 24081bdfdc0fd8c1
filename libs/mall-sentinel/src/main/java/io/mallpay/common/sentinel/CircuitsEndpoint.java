package io.mallpay.common.sentinel;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /actuator/circuits}: {@code {"sentinelOn":true|false,"open":N,"circuits":[{"resource",
 * "participant","state","since","lastChange"}]}}, one entry per degrade rule's resource (a Feign
 * method of a participant); state is CLOSED, OPEN or HALF_OPEN; {@code sentinelOn} is Sentinel's
 * global switch ({@link SentinelSwitch}). Read-only; {@code ./mall status} shows the open ones.
 */
@Endpoint(id = "circuits")
public class CircuitsEndpoint {

    private final CircuitStates states;

    public CircuitsEndpoint(CircuitStates states) {
        this.states = states;
    }

    @ReadOperation
    public Map<String, Object> circuits() {
        List<CircuitStates.Circuit> all = states.circuits();
        long open = all.stream().filter(c -> !"CLOSED".equals(c.state())).count();
        return Map.of("sentinelOn", SentinelSwitch.on(), "open", open, "circuits", all);
    }
}

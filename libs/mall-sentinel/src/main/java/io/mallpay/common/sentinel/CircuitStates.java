package io.mallpay.common.sentinel;

import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.degrade.circuitbreaker.CircuitBreaker;
import com.alibaba.csp.sentinel.slots.block.degrade.circuitbreaker.EventObserverRegistry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of every circuit breaker of this process, one per degrade rule's resource, kept from
 * Sentinel's state-change events (Sentinel has no public query of a breaker's state). A resource
 * with a degrade rule and no event yet is CLOSED. Read by the {@code circuits} actuator endpoint,
 * the {@code sentinel.circuit.state} gauge and {@code ./mall status}.
 */
public class CircuitStates {

    /** One circuit: its resource, the participant it guards, its state and since when. */
    public record Circuit(String resource, String participant, String state, Instant since, String lastChange) {
    }

    private record Change(CircuitBreaker.State state, Instant at, String detail) {
    }

    private final Map<String, Change> changes = new ConcurrentHashMap<>();

    /** Registers the observer (once per process; the registry is static). */
    public CircuitStates() {
        EventObserverRegistry.getInstance().addStateChangeObserver("mallpay-circuit-states",
                (prev, next, rule, value) -> changes.put(rule.getResource(), new Change(next, Instant.now(),
                        prev + " -> " + next + (value != null ? " (measured " + value + ")" : ""))));
    }

    /** Every resource that has a degrade rule, with its state, sorted by resource name. */
    public List<Circuit> circuits() {
        List<Circuit> out = new ArrayList<>();
        for (String resource : DegradeRuleManager.getRules().stream().map(DegradeRule::getResource)
                .distinct().toList()) {
            Change c = changes.get(resource);
            out.add(new Circuit(resource, BlockedAnswer.participantOf(resource),
                    c == null ? CircuitBreaker.State.CLOSED.name() : c.state().name(),
                    c == null ? null : c.at(), c == null ? null : c.detail()));
        }
        out.sort(Comparator.comparing(Circuit::resource));
        return out;
    }

    /** 0 CLOSED, 1 OPEN, 2 HALF_OPEN: the value of the {@code sentinel.circuit.state} gauge. */
    public double stateCode(String resource) {
        Change c = changes.get(resource);
        if (c == null) {
            return 0;
        }
        return switch (c.state()) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
        };
    }
}

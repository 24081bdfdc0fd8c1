package io.mallpay.common.sentinel;

import com.alibaba.csp.sentinel.node.ClusterNode;
import com.alibaba.csp.sentinel.slotchain.ResourceWrapper;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.clusterbuilder.ClusterBuilderSlot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Sentinel's per-resource figures as Micrometer gauges (so {@code /actuator/prometheus} shows them),
 * tagged {@code resource}: {@code sentinel.pass.qps}, {@code sentinel.block.qps},
 * {@code sentinel.exception.qps}, {@code sentinel.success.qps} (requests per second over Sentinel's
 * one-second window), {@code sentinel.rt} (average response time, milliseconds),
 * {@code sentinel.threads} (calls in progress); and {@code sentinel.circuit.state} per degrade
 * rule's resource (0 closed, 1 open, 2 half-open).
 *
 * <p>Sentinel creates a resource's node on its first call; a daemon thread registers the gauges of
 * new resources every 5 s (gauges read the live node, nothing is copied).
 */
public class SentinelMeters implements DisposableBean {

    private final MeterRegistry registry;
    private final CircuitStates circuits;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Set<String> registeredCircuits = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scan = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sentinel-meters");
        t.setDaemon(true);
        return t;
    });

    public SentinelMeters(MeterRegistry registry, CircuitStates circuits) {
        this.registry = registry;
        this.circuits = circuits;
        scan.scheduleWithFixedDelay(this::registerNew, 1, 5, TimeUnit.SECONDS);
    }

    /** Registers the gauges of resources and circuits seen since the last scan. Idempotent. */
    void registerNew() {
        for (Map.Entry<ResourceWrapper, ClusterNode> e : ClusterBuilderSlot.getClusterNodeMap().entrySet()) {
            String resource = e.getKey().getName();
            if (registered.add(resource)) {
                ClusterNode node = e.getValue();
                gauge("sentinel.pass.qps", resource, node, ClusterNode::passQps, "requests/s");
                gauge("sentinel.block.qps", resource, node, ClusterNode::blockQps, "requests/s");
                gauge("sentinel.exception.qps", resource, node, ClusterNode::exceptionQps, "requests/s");
                gauge("sentinel.success.qps", resource, node, ClusterNode::successQps, "requests/s");
                gauge("sentinel.rt", resource, node, ClusterNode::avgRt, "milliseconds");
                gauge("sentinel.threads", resource, node, ClusterNode::curThreadNum, "threads");
            }
        }
        for (DegradeRule rule : DegradeRuleManager.getRules()) {
            String resource = rule.getResource();
            if (registeredCircuits.add(resource)) {
                Gauge.builder("sentinel.circuit.state", circuits, c -> c.stateCode(resource))
                        .tag("resource", resource).tag("participant", BlockedAnswer.participantOf(resource))
                        .description("0 closed, 1 open, 2 half-open").register(registry);
            }
        }
    }

    private void gauge(String name, String resource, ClusterNode node, ToDoubleFunction<ClusterNode> f, String unit) {
        Gauge.builder(name, node, f).tag("resource", resource).baseUnit(unit).strongReference(true).register(registry);
    }

    @Override
    public void destroy() {
        scan.shutdownNow();
    }
}

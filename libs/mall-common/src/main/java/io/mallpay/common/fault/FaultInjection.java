package io.mallpay.common.fault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Named fault points for the fault-injection suite: code calls {@link #hit(String)} at a point
 * where a crash or a stall teaches something (e.g. {@code pay.accounting.before-end-transaction},
 * between a committed local transaction and the RocketMQ commit of its half message). Nothing
 * happens unless a test armed that point through the {@code faults} actuator endpoint, which only
 * exists when {@code mall.fault.enabled=true} (the local stack's Nacos config; never production).
 * Armed faults live in memory only: a restarted process starts clean.
 *
 * <p>Actions: {@code HALT} stops the JVM at once ({@code Runtime.halt}, no shutdown hooks, like
 * SIGKILL); {@code DELAY} sleeps {@code millis}; {@code FAIL} throws {@link InjectedFault}. Each
 * armed point fires {@code times} times, then disarms itself.
 */
public class FaultInjection {

    private static final Logger log = LoggerFactory.getLogger(FaultInjection.class);

    public enum Action { HALT, DELAY, FAIL }

    /** An armed point: what it does, the pause for DELAY, and how many more hits fire. */
    public record Armed(Action action, long millis, int remaining) {
    }

    /** Thrown at a point armed with {@code FAIL}. */
    public static class InjectedFault extends RuntimeException {
        public InjectedFault(String point) {
            super("fault injected at " + point);
        }
    }

    private static volatile FaultInjection current;

    private final ConcurrentMap<String, Armed> armed = new ConcurrentHashMap<>();

    public FaultInjection() {
        current = this;
    }

    /** The process's instance, for hooks that Seata creates outside Spring ({@link SeataFaultRpcHook}). */
    public static FaultInjection current() {
        return current;
    }

    /** Fires the point's fault if it is armed; otherwise returns at once. */
    public void hit(String point) {
        if (armed.isEmpty()) {
            return;
        }
        Armed[] fired = new Armed[1];
        armed.computeIfPresent(point, (p, a) -> {
            fired[0] = a;
            return a.remaining() <= 1 ? null : new Armed(a.action(), a.millis(), a.remaining() - 1);
        });
        Armed a = fired[0];
        if (a == null) {
            return;
        }
        switch (a.action()) {
            case HALT -> {
                log.error("FAULT INJECTION: halting the JVM at {}", point);
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
            case DELAY -> {
                log.warn("FAULT INJECTION: delaying {} ms at {}", a.millis(), point);
                try {
                    Thread.sleep(a.millis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case FAIL -> {
                log.warn("FAULT INJECTION: failing at {}", point);
                throw new InjectedFault(point);
            }
        }
    }

    public void arm(String point, Action action, long millis, int times) {
        if (point == null || point.isBlank() || times < 1) {
            throw new IllegalArgumentException("a point name and times >= 1 are required");
        }
        armed.put(point, new Armed(action, Math.max(0, millis), times));
        log.warn("FAULT INJECTION: armed {} {} (millis={}, times={})", point, action, millis, times);
    }

    public void disarm(String point) {
        if (point == null) {
            armed.clear();
        } else {
            armed.remove(point);
        }
    }

    public Map<String, Armed> armed() {
        return new TreeMap<>(armed);
    }
}

package io.mallpay.common.seata;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.Map;
import java.util.TreeMap;

/**
 * Health component {@code seata} ({@code components.seata} in {@code /actuator/health}): DOWN while
 * this service's TM, or its RM when it manages a resource, holds no registered channel to any TC
 * (the TC is gone, or the client has not rebuilt its channel yet); UP otherwise. Details per role:
 * {@code registered}, {@code servers} (TC {@code ip:port}) and, for the RM, {@code required}; plus the
 * {@link SeataChannelGuard} counters. Reads in-memory client state only: cheap and side-effect free.
 */
public class SeataHealthIndicator extends AbstractHealthIndicator {

    private final SeataRegistrations registrations;
    private final SeataChannelGuard guard;

    public SeataHealthIndicator(SeataRegistrations registrations, SeataChannelGuard guard) {
        super("seata health check failed");
        this.registrations = registrations;
        this.guard = guard;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ClientRegistration tm = registrations.tm();
        ClientRegistration rm = registrations.rm();
        builder.status(tm.ok() && rm.ok() ? "UP" : "DOWN")
                .withDetail("tm", describe(tm))
                .withDetail("rm", describe(rm));
        if (guard != null) {
            builder.withDetails(guard.details());
        }
    }

    private static Map<String, Object> describe(ClientRegistration r) {
        Map<String, Object> d = new TreeMap<>();
        d.put("registered", !r.servers().isEmpty());
        d.put("required", r.required());
        d.put("servers", r.servers());
        return d;
    }
}

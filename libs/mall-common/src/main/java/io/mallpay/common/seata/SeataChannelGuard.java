package io.mallpay.common.seata;

import org.apache.seata.core.rpc.netty.AbstractNettyRemotingClient;
import org.apache.seata.core.rpc.netty.NettyPoolKey.TransactionRole;
import org.apache.seata.core.rpc.netty.OffloadedReleaseHandler;
import org.apache.seata.core.rpc.netty.SeataClientHooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the Seata TM and RM clients able to rebuild their channel to the TC after a TC crash
 * (issue 14): installs {@link OffloadedReleaseHandler} into each client as soon as Seata has created
 * it, so that channel releases never park the client's only Netty I/O thread, and every
 * {@code tick} closes connections to the TC that the client no longer owns (older than
 * {@code orphanAge}; Seata leaves one behind each time a connect times out). Each client gets its own
 * single release thread. Started and stopped with the application context; idempotent per client.
 */
public class SeataChannelGuard implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SeataChannelGuard.class);

    private final Duration tick;
    private final Duration orphanAge;
    private final Map<TransactionRole, OffloadedReleaseHandler> handlers = new EnumMap<>(TransactionRole.class);
    private final Map<TransactionRole, ExecutorService> releasers = new EnumMap<>(TransactionRole.class);
    private final AtomicLong orphansClosed = new AtomicLong();
    private ScheduledExecutorService scheduler;

    /** {@code tick}: how often to look for new clients and orphans; {@code orphanAge}: >= 2x Seata's 30 s RPC timeout. */
    public SeataChannelGuard(Duration tick, Duration orphanAge) {
        this.tick = tick;
        this.orphanAge = orphanAge;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("seata-channel-guard"));
        scheduler.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Installs into clients Seata created since the last call and closes orphaned connections. */
    synchronized void tick() {
        for (TransactionRole role : new TransactionRole[] {TransactionRole.TMROLE, TransactionRole.RMROLE}) {
            try {
                AbstractNettyRemotingClient client = SeataClientHooks.existingClient(role);
                if (client == null) {
                    continue;
                }
                OffloadedReleaseHandler handler = handlers.get(role);
                if (handler == null) {
                    ExecutorService releaser = Executors.newSingleThreadExecutor(daemon("seata-release-" + role.name()));
                    releasers.put(role, releaser);
                    handler = SeataClientHooks.install(client, releaser);
                    handlers.put(role, handler);
                    LOG.info("seata {} client: channel releases now run off the Netty I/O thread", role.name());
                } else {
                    SeataClientHooks.adoptOpenChannels(client, handler);
                }
                int closed = handler.closeOrphans(orphanAge);
                if (closed > 0) {
                    orphansClosed.addAndGet(closed);
                    LOG.warn("seata {} client: closed {} connection(s) to the TC it no longer owned", role.name(), closed);
                }
            } catch (RuntimeException e) {
                LOG.warn("seata channel guard ({}): {}", role.name(), e.toString());
            }
        }
    }

    /** For the health details: which clients are guarded, open channels per client, orphans closed so far. */
    public synchronized Map<String, Object> details() {
        Map<String, Object> d = new TreeMap<>();
        handlers.forEach((role, h) -> d.put(role.name().replace("ROLE", "").toLowerCase() + "OpenChannels", h.openChannels()));
        d.put("orphanChannelsClosed", orphansClosed.get());
        return d;
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        releasers.values().forEach(ExecutorService::shutdown);
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}

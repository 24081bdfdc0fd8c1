package org.apache.seata.core.rpc.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * mall-common's door into the Seata client's channel management, which Seata keeps package-private
 * (this class lives in Seata's package for that reason; it is mall-common code, checked against the
 * Seata version of the root pom by the compiler and by {@code OffloadedReleaseHandlerTest}). It reads
 * which TC servers a TM or RM client is registered with and installs {@link OffloadedReleaseHandler}.
 * Nothing here creates a client or opens a connection.
 */
public final class SeataClientHooks {

    private SeataClientHooks() {
    }

    /**
     * The TM or RM client singleton if Seata has created it, else null. Read without creating it
     * ({@code getInstance()} would build one with whatever configuration is loaded at that moment).
     *
     * @throws IllegalStateException when the Seata version no longer has the singleton field
     */
    public static AbstractNettyRemotingClient existingClient(NettyPoolKey.TransactionRole role) {
        Class<?> type = role == NettyPoolKey.TransactionRole.TMROLE ? TmNettyRemotingClient.class
                : RmNettyRemotingClient.class;
        return (AbstractNettyRemotingClient) read(type, null, "instance");
    }

    /**
     * The TC addresses ({@code ip:port}, sorted) this client holds a live registered channel to.
     * Seata puts a channel in its map only after the TC accepted the register request and removes
     * it when the channel is released, so an empty list means: not registered with any TC.
     */
    public static List<String> registeredServers(AbstractNettyRemotingClient client) {
        return client.getClientChannelManager().getChannels().entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().isActive())
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * Puts an {@link OffloadedReleaseHandler} in front of Seata's handler in every channel this client
     * opens from now on and in every channel it has open now; channel releases then run on
     * {@code releaser} (give each client its own single thread: releases block on Seata's monitor).
     * Call once per client; the returned handler also closes orphaned connections.
     *
     * @throws IllegalStateException when the Seata version no longer has the expected bootstrap
     */
    public static OffloadedReleaseHandler install(AbstractNettyRemotingClient client, Executor releaser) {
        NettyClientChannelManager manager = client.getClientChannelManager();
        OffloadedReleaseHandler handler = new OffloadedReleaseHandler(manager, releaser);
        NettyClientBootstrap bootstrap = (NettyClientBootstrap) read(AbstractNettyRemotingClient.class, client,
                "clientBootstrap");
        bootstrap.setChannelHandlers(handler, client.new ClientHandler());
        adoptOpenChannels(client, handler);
        return handler;
    }

    /**
     * Puts the handler into the pipeline of every channel the client holds now that lacks it (a
     * channel whose register was under way during {@link #install}). Idempotent.
     */
    public static void adoptOpenChannels(AbstractNettyRemotingClient client, OffloadedReleaseHandler handler) {
        for (Channel channel : client.getClientChannelManager().getChannels().values()) {
            if (channel != null) {
                addTo(channel.pipeline(), handler);
                handler.adopt(channel);
            }
        }
    }

    /** Adds the handler in front of Seata's client handler of an existing pipeline (no-op if present). */
    static void addTo(ChannelPipeline pipeline, OffloadedReleaseHandler handler) {
        ChannelHandlerContext seata = pipeline.context(AbstractNettyRemotingClient.ClientHandler.class);
        if (seata != null && pipeline.get(OffloadedReleaseHandler.class) == null) {
            pipeline.addBefore(seata.name(), "mallOffloadedRelease", handler);
        }
    }

    private static Object read(Class<?> type, Object target, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Seata client internals changed: " + type.getName() + "." + name, e);
        }
    }
}

package org.apache.seata.core.rpc.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import org.apache.seata.common.util.NetUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Sits in front of Seata's own client handler (mall-common, not Seata; see {@link SeataClientHooks})
 * and takes over the three events on which Seata 2.1.0–2.5.0 releases a channel <em>on the Netty I/O
 * thread</em>: channel inactive, exception caught and reader idle. Seata's release synchronizes on
 * the same per-server monitor that a connecting thread holds for the whole connect (up to 10 s) and
 * register round trip (up to 30 s), and both of those need this very I/O thread (each client has one)
 * to complete: the I/O thread parks, every connect times out with "can not connect to
 * services-server" and leaves a half-made socket behind, every register times out, and as long as
 * other threads keep queueing for the monitor the I/O thread rarely wins it (upstream issue
 * apache/incubator-seata#7497). Here the release runs on {@code releaser} instead, so the I/O
 * thread never blocks; the events are not passed on to Seata's handler, which would release
 * synchronously. Writer-idle events (heartbeats) and everything else pass through unchanged.
 *
 * <p>It also remembers every channel of its client, so that {@link #closeOrphans} can close a
 * connection the client no longer owns (connected after its caller gave up waiting).
 */
@ChannelHandler.Sharable
public final class OffloadedReleaseHandler extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OffloadedReleaseHandler.class);
    private static final AttributeKey<Long> SEEN_AT = AttributeKey.valueOf("mall.seata.seenAtNanos");
    private static final AttributeKey<Boolean> SWEPT = AttributeKey.valueOf("mall.seata.swept");

    private final NettyClientChannelManager manager;
    private final Executor releaser;
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();

    OffloadedReleaseHandler(NettyClientChannelManager manager, Executor releaser) {
        this.manager = manager;
        this.releaser = releaser;
    }

    /** Starts tracking a channel that was open before this handler was put in its pipeline. */
    void adopt(Channel channel) {
        channel.attr(SEEN_AT).setIfAbsent(System.nanoTime());
        if (channel.isActive()) {
            open.add(channel);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        adopt(ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        open.remove(channel);
        if (Boolean.TRUE.equals(channel.attr(SWEPT).get())) {
            return; // an orphan we closed: never part of the client's channel map
        }
        LOG.info("seata channel inactive, releasing it off the I/O thread: {}", channel);
        release(channel, false);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("seata channel {} failed: {}", ctx.channel(), cause.toString());
        release(ctx.channel(), false);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            LOG.info("seata channel read idle, invalidating it off the I/O thread: {}", ctx.channel());
            release(ctx.channel(), true);
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    private void release(Channel channel, boolean invalidate) {
        String address = NetUtil.toStringAddress(channel.remoteAddress());
        releaser.execute(() -> {
            try {
                if (invalidate) {
                    manager.invalidateObject(address, channel);
                }
            } catch (Exception e) {
                LOG.warn("invalidating seata channel {} failed: {}", channel, e.toString());
            } finally {
                manager.releaseChannel(channel, address);
            }
        });
    }

    /**
     * Closes every open channel of this client older than {@code minAge} that the client does not
     * hold as a registered channel. Such a channel is a connect the client gave up on (its I/O thread
     * completed it later) and nothing will ever use or close it. Idempotent; returns how many it closed.
     */
    public int closeOrphans(Duration minAge) {
        long now = System.nanoTime();
        Set<Channel> owned = Set.copyOf(manager.getChannels().values());
        int closed = 0;
        for (Channel channel : open) {
            Long seen = channel.attr(SEEN_AT).get();
            boolean oldEnough = seen != null && now - seen >= minAge.toNanos();
            if (channel.isActive() && oldEnough && !owned.contains(channel)) {
                channel.attr(SWEPT).set(Boolean.TRUE);
                open.remove(channel);
                channel.close();
                closed++;
            }
        }
        return closed;
    }

    /** Open channels this handler has seen, registered or not. */
    public int openChannels() {
        return open.size();
    }
}

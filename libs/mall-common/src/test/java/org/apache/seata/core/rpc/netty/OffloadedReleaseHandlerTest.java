package org.apache.seata.core.rpc.netty;

import io.mallpay.common.seata.SeataRegistrations;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.apache.seata.common.Constants;
import org.apache.seata.common.holder.ObjectHolder;
import org.apache.seata.common.util.NetUtil;
import org.apache.seata.spring.boot.autoconfigure.SeataClientEnvironmentPostProcessor;
import org.apache.seata.spring.boot.autoconfigure.SeataCoreEnvironmentPostProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14 with Seata's own client classes (the TM client, its channel manager and its handler) on a
 * real loopback connection and a one-thread Netty event loop, as the client runs them. A thread
 * holding the channel manager's per-server monitor stands for a connect or register in progress.
 */
class OffloadedReleaseHandlerTest {

    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicReference<ChannelHandler> guardInNewChannels = new AtomicReference<>();
    private ServerSocket tc;
    private NioEventLoopGroup io;
    private Bootstrap bootstrap;
    private TmNettyRemotingClient client;
    private NettyClientChannelManager manager;
    private ExecutorService releaser;
    private CountDownLatch releaseLock;

    @BeforeEach
    void setUp() throws IOException {
        tc = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(tc.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "fake-tc-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        // Seata's Spring Boot configuration provider reads the environment Spring would have set
        StandardEnvironment env = new StandardEnvironment();
        new SeataCoreEnvironmentPostProcessor().postProcessEnvironment(env, null);
        new SeataClientEnvironmentPostProcessor().postProcessEnvironment(env, null);
        ObjectHolder.INSTANCE.setObject(Constants.OBJECT_KEY_SPRING_CONFIGURABLE_ENVIRONMENT, env);
        client = TmNettyRemotingClient.getInstance();
        manager = client.getClientChannelManager();
        io = new NioEventLoopGroup(1);
        bootstrap = new Bootstrap().group(io).channel(NioSocketChannel.class).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ChannelHandler guard = guardInNewChannels.get();
                if (guard != null) {
                    ch.pipeline().addLast(guard);
                }
                ch.pipeline().addLast(client.new ClientHandler());
            }
        });
        releaser = Executors.newSingleThreadExecutor();
        releaseLock = new CountDownLatch(1);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (releaseLock == null) {
            return;
        }
        releaseLock.countDown();
        manager.getChannels().clear();
        releaser.shutdownNow();
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        tc.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void seatasOwnReleaseParksTheIoThreadSoTheClientCanNeitherReconnectNorReRegister() throws Exception {
        Channel registered = registeredChannel();
        String server = NetUtil.toStringAddress(registered.remoteAddress());
        Thread ioThread = io.next().submit(Thread::currentThread).get();
        assertThat(new SeataRegistrations().tm().servers()).contains(server);

        holdServerLock(server);
        killTc();

        // channelInactive -> Seata's releaseChannel -> the monitor a connect holds: the I/O thread parks
        await().atMost(Duration.ofSeconds(20)).until(() -> ioThread.getState() == Thread.State.BLOCKED);
        assertThat(new SeataRegistrations().tm().servers()).doesNotContain(server);
        // the TC is back: a new connect reaches it, but the parked I/O thread cannot finish it
        ChannelFuture reconnect = bootstrap.connect(tc.getLocalSocketAddress());
        assertThat(reconnect.await(2, TimeUnit.SECONDS)).isFalse();
        assertThat(ioThread.getState()).isEqualTo(Thread.State.BLOCKED);

        releaseLock.countDown();
        // ... and completes once the monitor is free: a connection whose caller gave up (Seata leaks it)
        assertThat(reconnect.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(reconnect.channel().isActive()).isTrue();
        assertThat(manager.getChannels()).doesNotContainValue(reconnect.channel());
        reconnect.channel().close().sync();
    }

    @Test
    void withTheGuardTheIoThreadStaysFreeAndTheChannelIsReleasedOnceTheMonitorIs() throws Exception {
        Channel registered = registeredChannel();
        String server = NetUtil.toStringAddress(registered.remoteAddress());
        OffloadedReleaseHandler guard = SeataClientHooks.install(client, releaser);
        guardInNewChannels.set(guard);
        assertThat(registered.pipeline().get(OffloadedReleaseHandler.class)).isSameAs(guard);

        holdServerLock(server);
        killTc();
        await().atMost(Duration.ofSeconds(20)).until(() -> !registered.isActive());

        // the monitor is still held, yet the I/O thread completes a new connect
        ChannelFuture reconnect = bootstrap.connect(tc.getLocalSocketAddress());
        assertThat(reconnect.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(reconnect.isSuccess()).isTrue();
        assertThat(manager.getChannels()).containsEntry(server, registered); // release waits for the monitor

        releaseLock.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> !manager.getChannels().containsKey(server));
        assertThat(new SeataRegistrations().tm().servers()).doesNotContain(server);

        // the new connection was never registered with the client: an orphan, closed by the sweep
        assertThat(guard.closeOrphans(Duration.ZERO)).isEqualTo(1);
        reconnect.channel().closeFuture().await(20, TimeUnit.SECONDS);
        assertThat(reconnect.channel().isActive()).isFalse();
        assertThat(guard.closeOrphans(Duration.ZERO)).isZero();
    }

    /** A channel to the fake TC, in the client's map as Seata puts it after a successful register. */
    private Channel registeredChannel() throws Exception {
        Channel ch = bootstrap.connect(tc.getLocalSocketAddress()).sync().channel();
        String server = NetUtil.toStringAddress((InetSocketAddress) ch.remoteAddress());
        this.<Map<String, NettyPoolKey>>field("poolKeyMap").put(server,
                new NettyPoolKey(NettyPoolKey.TransactionRole.TMROLE, server));
        this.<Map<String, Object>>field("channelLocks").computeIfAbsent(server, k -> new Object());
        manager.registerChannel(server, ch);
        return ch;
    }

    /** What a thread inside Seata's acquireChannel/doConnect does while it connects and registers. */
    private void holdServerLock(String server) throws InterruptedException {
        Object lock = this.<Map<String, Object>>field("channelLocks").get(server);
        CountDownLatch holding = new CountDownLatch(1);
        Thread connector = new Thread(() -> {
            synchronized (lock) {
                holding.countDown();
                try {
                    releaseLock.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "connecting-thread");
        connector.setDaemon(true);
        connector.start();
        holding.await();
    }

    /** SIGKILL of the TC as the client sees it: its end of every connection goes away. */
    private void killTc() throws IOException {
        for (Socket s : accepted) {
            s.setSoLinger(true, 0);
            s.close();
        }
        accepted.clear();
    }

    @SuppressWarnings("unchecked")
    private <T> T field(String name) {
        try {
            Field f = NettyClientChannelManager.class.getDeclaredField(name);
            f.setAccessible(true);
            return (T) f.get(manager);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.mallpay.infra.rocketmq;

import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.broker.BrokerStartup;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.namesrv.NamesrvStartup;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a real RocketMQ 5.5.0 name server and broker in one JVM, bound to 127.0.0.1, and
 * pre-creates the project's topics (auto-created topics took ~30 s to reach a consumer: INFRA.md).
 *
 * <p>Arguments ({@code --key=value}): {@code namesrv-conf} and {@code broker-conf} (RocketMQ's own
 * property files), {@code namesrv-addr} (where the admin client finds the name server),
 * {@code topics} (comma list; each gets 4 read and 4 write queues), {@code ready-file} (written
 * once every topic has a route: the stack's health signal).
 */
public final class RocketMqServer {

    private static final int QUEUES = 4;

    private RocketMqServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (String a : args) {
            opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        Path readyFile = Path.of(opts.get("ready-file"));
        Files.deleteIfExists(readyFile);
        List<String> topics = Arrays.stream(opts.getOrDefault("topics", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();

        NamesrvController namesrv = NamesrvStartup.main0(new String[] {"-c", opts.get("namesrv-conf")});
        if (namesrv == null) {
            throw new IllegalStateException("name server did not start");
        }
        BrokerController broker = BrokerStartup.start(
                BrokerStartup.createBrokerController(new String[] {"-c", opts.get("broker-conf")}));
        if (broker == null) {
            throw new IllegalStateException("broker did not start");
        }
        String brokerAddr = broker.getBrokerAddr();
        createTopics(opts.get("namesrv-addr"), brokerAddr, topics);

        Files.writeString(readyFile, "ready broker=" + brokerAddr + "\n", StandardCharsets.UTF_8);
        System.out.println("rocketmq: READY namesrv=" + opts.get("namesrv-addr") + " broker=" + brokerAddr
                + " topics=" + topics);
        new CountDownLatch(1).await();
    }

    private static void createTopics(String namesrvAddr, String brokerAddr, List<String> topics) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("mallpay-topic-init");
        admin.start();
        try {
            for (String topic : topics) {
                TopicConfig config = new TopicConfig(topic, QUEUES, QUEUES);
                retry(() -> admin.createAndUpdateTopicConfig(brokerAddr, config));
            }
            for (String topic : topics) {
                retry(() -> {
                    TopicRouteData route = admin.examineTopicRouteInfo(topic);
                    if (route == null || route.getQueueDatas().isEmpty()) {
                        throw new IllegalStateException("no route yet for " + topic);
                    }
                });
            }
        } finally {
            admin.shutdown();
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Routes appear a second or two after the broker registers; retry for up to 60 s. */
    private static void retry(Step step) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                step.run();
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }
}

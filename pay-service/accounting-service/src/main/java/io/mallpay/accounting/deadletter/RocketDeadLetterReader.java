package io.mallpay.accounting.deadletter;

import io.mallpay.accounting.AccountingProperties;
import io.mallpay.accounting.AccountingTopics;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQAdminImpl;
import org.apache.rocketmq.client.impl.MQClientManager;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link DeadLetterReader} on a fresh {@link DefaultLitePullConsumer} per call: assigns every
 * queue of {@code %DLQ%pay-accounting}, seeks each to its beginning and polls until each reaches
 * the end offset it had when the scan began. Its own group ({@code dead-letters.reader-group}),
 * auto-commit off and never a commit: the scan moves no offset anybody relies on. The scan stops
 * early at {@code dead-letters.max-messages} or {@code scan-timeout-millis} (logged at WARN).
 */
@Component
public class RocketDeadLetterReader implements DeadLetterReader {

    private static final Logger log = LoggerFactory.getLogger(RocketDeadLetterReader.class);
    /** Each scan gets its own client instance: a shut-down one is never reused half-closed. */
    private static final AtomicLong SCANS = new AtomicLong();

    private final AccountingProperties props;

    public RocketDeadLetterReader(AccountingProperties props) {
        this.props = props;
    }

    @Override
    public List<DeadLetter> readAll() {
        AccountingProperties.DeadLetters cfg = props.getDeadLetters();
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(cfg.getReaderGroup());
        consumer.setNamesrvAddr(props.getNamesrv());
        consumer.setInstanceName(AccountingTopics.instanceName("pay-accounting-dlq-reader") + "-" + SCANS.incrementAndGet());
        consumer.setAutoCommit(false);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        try {
            consumer.start();
            Collection<MessageQueue> queues = consumer.fetchMessageQueues(AccountingTopics.DLQ_TOPIC);
            consumer.assign(queues);
            MQAdminImpl admin = MQClientManager.getInstance().getOrCreateMQClientInstance(consumer).getMQAdminImpl();
            Map<MessageQueue, Long> ends = new HashMap<>();
            for (MessageQueue mq : queues) {
                long end = admin.maxOffset(mq);
                if (end > admin.minOffset(mq)) {
                    ends.put(mq, end);
                }
                consumer.seekToBegin(mq);
            }
            return drain(consumer, ends, cfg);
        } catch (MQClientException e) {
            if (topicMissing(e)) {
                return List.of();
            }
            log.warn("reading {} failed: {}", AccountingTopics.DLQ_TOPIC, e.toString());
            throw BrokerUnavailable.of("could not read " + AccountingTopics.DLQ_TOPIC, e);
        } finally {
            consumer.shutdown();
        }
    }

    private static List<DeadLetter> drain(DefaultLitePullConsumer consumer, Map<MessageQueue, Long> ends,
                                          AccountingProperties.DeadLetters cfg) {
        List<DeadLetter> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + cfg.getScanTimeoutMillis();
        while (!ends.isEmpty() && out.size() < cfg.getMaxMessages() && System.currentTimeMillis() < deadline) {
            for (MessageExt m : consumer.poll(cfg.getPollTimeoutMillis())) {
                out.add(toDeadLetter(m));
                MessageQueue mq = new MessageQueue(m.getTopic(), m.getBrokerName(), m.getQueueId());
                Long end = ends.get(mq);
                if (end != null && m.getQueueOffset() + 1 >= end) {
                    ends.remove(mq);
                }
            }
        }
        if (!ends.isEmpty()) {
            log.warn("{}: stopped after {} dead letters before the end of {} queue(s) (max-messages {}, scan-timeout {} ms)",
                    AccountingTopics.DLQ_TOPIC, out.size(), ends.size(), cfg.getMaxMessages(), cfg.getScanTimeoutMillis());
        }
        return out;
    }

    /** {@code getMsgId()} of a received message is RocketMQ's unique client id, as the consumer saw it. */
    static DeadLetter toDeadLetter(MessageExt m) {
        String body = m.getBody() == null ? "" : new String(m.getBody(), StandardCharsets.UTF_8);
        return new DeadLetter(m.getMsgId(), m.getKeys(), Instant.ofEpochMilli(m.getBornTimestamp()),
                m.getReconsumeTimes(), body);
    }

    /** Nothing was ever dead-lettered and the stack did not pre-create the topic: an empty DLQ. */
    static boolean topicMissing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MQClientException mq && mq.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return true;
            }
        }
        return false;
    }
}

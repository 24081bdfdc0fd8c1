package io.mallpay.it;

import io.mallpay.it.support.Stack;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real RocketMQ 5.5.0 broker's transactional (half) messages: delivered after COMMIT, never
 * after ROLLBACK, and an UNKNOW outcome is settled by the broker's check-back, which answers from
 * the recorded local-transaction outcome (a map here; the payment table in the product).
 */
class RocketMqTransactionalMessageIT {

    private static final String TOPIC = "STACK_SELFTEST";
    private static final String RUN = "run" + System.nanoTime();

    /** Outcome of each "local transaction", keyed by message key: what a check-back reads. */
    private static final Map<String, LocalTransactionState> OUTCOMES = new ConcurrentHashMap<>();
    private static final Set<String> CHECKED_BACK = ConcurrentHashMap.newKeySet();
    private static final Set<String> DELIVERED = ConcurrentHashMap.newKeySet();

    private static TransactionMQProducer producer;
    private static DefaultMQPushConsumer consumer;

    @BeforeAll
    static void start() throws Exception {
        String namesrv = Stack.get().env("ROCKETMQ_NAMESRV");
        consumer = new DefaultMQPushConsumer("it-consumer-" + RUN);
        consumer.setNamesrvAddr(namesrv);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, RUN);
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> DELIVERED.add(m.getKeys()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();

        producer = new TransactionMQProducer("it-producer-" + RUN);
        producer.setNamesrvAddr(namesrv);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                LocalTransactionState first = (LocalTransactionState) arg;
                OUTCOMES.putIfAbsent(msg.getKeys(), first);
                return first;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                CHECKED_BACK.add(msg.getKeys());
                return OUTCOMES.getOrDefault(msg.getKeys(), LocalTransactionState.UNKNOW);
            }
        });
        producer.start();
    }

    @AfterAll
    static void stop() {
        producer.shutdown();
        consumer.shutdown();
    }

    private static String send(String name, LocalTransactionState localOutcome) throws Exception {
        String key = RUN + "-" + name;
        Message m = new Message(TOPIC, RUN, key, ("{\"probe\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8));
        TransactionSendResult r = producer.sendMessageInTransaction(m, localOutcome);
        assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(r.getLocalTransactionState()).isEqualTo(localOutcome);
        return key;
    }

    @Test
    void commitIsDeliveredRollbackNeverAndUnknownIsSettledByCheckBack() throws Exception {
        String committed = send("commit", LocalTransactionState.COMMIT_MESSAGE);
        String rolledBack = send("rollback", LocalTransactionState.ROLLBACK_MESSAGE);
        String unknownThenCommitted = send("unknown-commit", LocalTransactionState.UNKNOW);
        String unknownThenRolledBack = send("unknown-rollback", LocalTransactionState.UNKNOW);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(DELIVERED).contains(committed));

        // The local transactions "finish" now; only the broker's check-back can learn it.
        OUTCOMES.put(unknownThenCommitted, LocalTransactionState.COMMIT_MESSAGE);
        OUTCOMES.put(unknownThenRolledBack, LocalTransactionState.ROLLBACK_MESSAGE);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(CHECKED_BACK).contains(unknownThenCommitted, unknownThenRolledBack);
            assertThat(DELIVERED).contains(unknownThenCommitted);
        });

        // Give anything wrongly released time to arrive, then make sure it did not.
        Thread.sleep(5_000);
        assertThat(DELIVERED).doesNotContain(rolledBack, unknownThenRolledBack);
        assertThat(CHECKED_BACK).doesNotContain(committed, rolledBack);
    }
}

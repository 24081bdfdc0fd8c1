package io.mallpay.pay.completion;

import io.mallpay.pay.api.PaymentPaidEvent;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The RocketMQ transactional producer of accounting messages, producer group
 * {@code pay-payment-accounting}. The broker sends its check-backs to any live producer of the
 * group, so a restarted pay-payment settles the half messages its predecessor left behind.
 * Started with the application context, shut down before it closes.
 */
@Component
public class AccountingProducer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccountingProducer.class);
    public static final String GROUP = "pay-payment-accounting";

    private final TransactionMQProducer producer;
    private volatile boolean running;

    public AccountingProducer(AccountingMessages listener,
                              @Value("${pay.payment.namesrv:${ROCKETMQ_NAMESRV:127.0.0.1:9876}}") String namesrv) {
        producer = new TransactionMQProducer(GROUP);
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName("pay-payment-" + ProcessHandle.current().pid());
        producer.setSendMsgTimeout(5_000);
        producer.setTransactionListener(listener);
        producer.setExecutorService(new ThreadPoolExecutor(2, 4, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(2_000), r -> {
                    Thread t = new Thread(r, "accounting-checkback");
                    t.setDaemon(true);
                    return t;
                }));
    }

    /**
     * Sends the half message, runs the listener's local transaction on this thread, then commits
     * or rolls the message back (or leaves it to the check-back).
     *
     * @throws MQClientException when the broker cannot take the half message: nothing was done
     */
    public TransactionSendResult send(Message message, Object arg) throws MQClientException {
        return producer.sendMessageInTransaction(message, arg);
    }

    @Override
    public void start() {
        try {
            producer.start();
            announceToBroker();
            running = true;
            log.info("accounting producer {} started ({})", GROUP, producer.getNamesrvAddr());
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the accounting producer", e);
        }
    }

    /**
     * A producer that has sent nothing yet knows no broker, so it sends the broker no heartbeat and
     * the broker has no channel to deliver check-backs to: half messages left by a crashed
     * predecessor would wait until this instance's first send (found by
     * AccountingReliableMessageIT: 2 min 20 s of "check transaction failed, channel is null").
     * Fetch the topic's route and heartbeat at once.
     */
    private void announceToBroker() throws MQClientException {
        MQClientInstance client = producer.getDefaultMQProducerImpl().getMqClientFactory();
        client.updateTopicRouteInfoFromNameServer(PaymentPaidEvent.TOPIC);
        client.sendHeartbeatToAllBrokerWithLock();
    }

    @Override
    public void stop() {
        producer.shutdown();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

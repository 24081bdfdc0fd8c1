package io.mallpay.accounting.consumer;

import io.mallpay.accounting.AccountingProperties;
import io.mallpay.accounting.AccountingTopics;
import io.mallpay.pay.api.PaymentPaidEvent;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The push consumer of {@code PAYMENT_ACCOUNTING} (group {@code pay-accounting}, clustering,
 * concurrent). A {@link SmartLifecycle} in the last phase: it starts after every singleton exists
 * (so after the Flyway migration, which runs when the DataSource is created) and after the web
 * server, and stops first, waiting up to {@code consumer.shutdown-await-millis} for vouchers
 * being booked. Subscribes to every tag so a message without the PAID tag is dead-lettered, not
 * silently filtered out; a new group starts from the first offset so nothing published before
 * accounting ever ran is skipped. Does nothing when {@code pay.accounting.consumer.enabled=false}.
 *
 * <p>Starting asks the name server for the topic's route, synchronously. On a loaded 2-core machine
 * starting the whole stack, that request can fail once ({@code RemotingSendRequestException: send
 * request to 127.0.0.1:9876 failed}, seen on 2026-12-05, which ended the process), so a start is
 * tried up to {@link #START_ATTEMPTS} times, {@link #START_RETRY_WAIT_MILLIS} ms apart, each with a
 * fresh consumer (the failed one is shut down); the last failure ends the start as before.
 */
@Component
public class PaymentPaidConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PaymentPaidConsumer.class);
    /** How many times {@link #start()} tries to start the consumer before giving up. */
    static final int START_ATTEMPTS = 5;
    /** Milliseconds between two start attempts. */
    static final long START_RETRY_WAIT_MILLIS = 2_000;

    private final AccountingProperties props;
    private final PaymentPaidListener listener;
    private DefaultMQPushConsumer consumer;

    public PaymentPaidConsumer(AccountingProperties props, PaymentPaidListener listener) {
        this.props = props;
        this.listener = listener;
    }

    /** The configured, not yet started consumer. */
    DefaultMQPushConsumer newConsumer() throws MQClientException {
        AccountingProperties.Consumer cfg = props.getConsumer();
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(AccountingTopics.CONSUMER_GROUP);
        c.setNamesrvAddr(props.getNamesrv());
        c.setInstanceName(AccountingTopics.instanceName(AccountingTopics.CONSUMER_GROUP));
        c.setMessageModel(MessageModel.CLUSTERING);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setConsumeThreadMin(cfg.getConsumeThreadMin());
        c.setConsumeThreadMax(cfg.getConsumeThreadMax());
        // one message per listener call: each gets its own consumed / dead-letter / retry decision
        c.setConsumeMessageBatchMaxSize(1);
        c.setMaxReconsumeTimes(cfg.getMaxReconsumeTimes());
        c.setAwaitTerminationMillisWhenShutdown(cfg.getShutdownAwaitMillis());
        c.subscribe(PaymentPaidEvent.TOPIC, "*");
        c.registerMessageListener(listener);
        return c;
    }

    @Override
    public synchronized void start() {
        if (!props.getConsumer().isEnabled()) {
            log.info("accounting consumer disabled (pay.accounting.consumer.enabled=false)");
            return;
        }
        consumer = startWithRetries(START_ATTEMPTS, START_RETRY_WAIT_MILLIS);
        log.info("consuming {} as group {} instance {} from name server {} ({}..{} threads, {} retries)",
                PaymentPaidEvent.TOPIC, AccountingTopics.CONSUMER_GROUP, consumer.getInstanceName(),
                props.getNamesrv(), props.getConsumer().getConsumeThreadMin(),
                props.getConsumer().getConsumeThreadMax(), props.getConsumer().getMaxReconsumeTimes());
    }

    /**
     * A started consumer, after at most {@code attempts} tries {@code waitMillis} apart.
     *
     * @throws IllegalStateException the last attempt's failure (the process does not start)
     */
    DefaultMQPushConsumer startWithRetries(int attempts, long waitMillis) {
        for (int attempt = 1; ; attempt++) {
            DefaultMQPushConsumer c = null;
            try {
                c = newConsumer();
                c.start();
                return c;
            } catch (MQClientException | RuntimeException e) {
                if (c != null) {
                    c.shutdown();
                }
                if (attempt >= attempts) {
                    throw new IllegalStateException("could not start the consumer of " + PaymentPaidEvent.TOPIC
                            + " after " + attempts + " attempts", e);
                }
                log.warn("consumer of {} did not start (attempt {} of {}): {}; retrying in {} ms",
                        PaymentPaidEvent.TOPIC, attempt, attempts, e.toString(), waitMillis);
                try {
                    Thread.sleep(waitMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting the consumer", e);
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (consumer != null) {
            consumer.shutdown();
            consumer = null;
            log.info("stopped consuming {}", PaymentPaidEvent.TOPIC);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return consumer != null;
    }
}

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
 */
@Component
public class PaymentPaidConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PaymentPaidConsumer.class);

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
        try {
            DefaultMQPushConsumer c = newConsumer();
            c.start();
            consumer = c;
        } catch (MQClientException e) {
            throw new IllegalStateException("could not start the consumer of " + PaymentPaidEvent.TOPIC, e);
        }
        log.info("consuming {} as group {} instance {} from name server {} ({}..{} threads, {} retries)",
                PaymentPaidEvent.TOPIC, AccountingTopics.CONSUMER_GROUP, consumer.getInstanceName(),
                props.getNamesrv(), props.getConsumer().getConsumeThreadMin(),
                props.getConsumer().getConsumeThreadMax(), props.getConsumer().getMaxReconsumeTimes());
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

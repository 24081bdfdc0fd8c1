package io.mallpay.accounting.deadletter;

import io.mallpay.accounting.AccountingProperties;
import io.mallpay.accounting.AccountingTopics;
import io.mallpay.pay.api.PaymentPaidEvent;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * {@link MessageRepublisher} on a plain {@link DefaultMQProducer}, started on the first re-drive
 * (a process that never re-drives opens no producer) and shut down with the application. The
 * message carries the user property {@value #REDRIVEN_FROM} = the dead letter's id.
 */
@Component
public class RocketMessageRepublisher implements MessageRepublisher, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RocketMessageRepublisher.class);
    static final String REDRIVEN_FROM = "REDRIVEN_FROM";

    private final AccountingProperties props;
    private DefaultMQProducer producer;

    public RocketMessageRepublisher(AccountingProperties props) {
        this.props = props;
    }

    @Override
    public String republish(String key, String body, String redrivenFrom) {
        Message m = new Message(PaymentPaidEvent.TOPIC, PaymentPaidEvent.TAG, key,
                body.getBytes(StandardCharsets.UTF_8));
        m.putUserProperty(REDRIVEN_FROM, redrivenFrom);
        try {
            SendResult r = producer().send(m);
            if (r.getSendStatus() != SendStatus.SEND_OK) {
                // stored on the master all the same; only replication or flushing lagged
                log.warn("re-drive of {} sent as {} with status {}", redrivenFrom, r.getMsgId(), r.getSendStatus());
            }
            return r.getMsgId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BrokerUnavailable.of("re-drive of " + redrivenFrom + " interrupted", e);
        } catch (MQClientException | RemotingException | MQBrokerException e) {
            log.warn("re-drive of {} to {} failed: {}", redrivenFrom, PaymentPaidEvent.TOPIC, e.toString());
            throw BrokerUnavailable.of("could not publish to " + PaymentPaidEvent.TOPIC, e);
        }
    }

    private synchronized DefaultMQProducer producer() throws MQClientException {
        if (producer == null) {
            DefaultMQProducer p = new DefaultMQProducer(AccountingTopics.REDRIVE_PRODUCER_GROUP);
            p.setNamesrvAddr(props.getNamesrv());
            p.setInstanceName(AccountingTopics.instanceName(AccountingTopics.REDRIVE_PRODUCER_GROUP));
            p.setSendMsgTimeout(props.getDeadLetters().getSendTimeoutMillis());
            p.start();
            producer = p;
        }
        return producer;
    }

    @Override
    public synchronized void destroy() {
        if (producer != null) {
            producer.shutdown();
            producer = null;
        }
    }
}

package io.mallpay.accounting.consumer;

import io.mallpay.accounting.AccountingProperties;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** How the push consumer is configured (checked without starting it: no broker needed). */
class PaymentPaidConsumerTest {

    private final AccountingProperties props = new AccountingProperties();
    private final PaymentPaidListener listener = mock(PaymentPaidListener.class);
    private final PaymentPaidConsumer lifecycle = new PaymentPaidConsumer(props, listener);

    @Test
    void consumesTheAccountingTopicAsItsGroupFromTheFirstOffset() throws Exception {
        props.setNamesrv("10.0.0.1:9876");

        DefaultMQPushConsumer c = lifecycle.newConsumer();

        assertThat(c.getConsumerGroup()).isEqualTo("pay-accounting");
        assertThat(c.getNamesrvAddr()).isEqualTo("10.0.0.1:9876");
        assertThat(c.getMessageModel()).isEqualTo(MessageModel.CLUSTERING);
        assertThat(c.getConsumeFromWhere()).isEqualTo(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        assertThat(c.getConsumeMessageBatchMaxSize()).isEqualTo(1);
        assertThat(c.getMessageListener()).isSameAs(listener);
        assertThat(c.getDefaultMQPushConsumerImpl().getSubscriptionInner()).containsKey("PAYMENT_ACCOUNTING");
        assertThat(c.getDefaultMQPushConsumerImpl().getSubscriptionInner().get("PAYMENT_ACCOUNTING").getSubString())
                .isEqualTo("*");
    }

    @Test
    void instanceNameIsUniquePerProcess() throws Exception {
        assertThat(lifecycle.newConsumer().getInstanceName()).isEqualTo("pay-accounting@" + ProcessHandle.current().pid());
    }

    @Test
    void threadsAndRetriesComeFromConfiguration() throws Exception {
        assertThat(lifecycle.newConsumer()).extracting(DefaultMQPushConsumer::getConsumeThreadMin,
                DefaultMQPushConsumer::getConsumeThreadMax, DefaultMQPushConsumer::getMaxReconsumeTimes,
                DefaultMQPushConsumer::getAwaitTerminationMillisWhenShutdown).containsExactly(4, 8, 16, 10_000L);

        props.getConsumer().setConsumeThreadMin(2);
        props.getConsumer().setConsumeThreadMax(3);
        props.getConsumer().setMaxReconsumeTimes(5);

        assertThat(lifecycle.newConsumer()).extracting(DefaultMQPushConsumer::getConsumeThreadMin,
                DefaultMQPushConsumer::getConsumeThreadMax, DefaultMQPushConsumer::getMaxReconsumeTimes)
                .containsExactly(2, 3, 5);
    }

    @Test
    void disabledConsumerStartsNothing() {
        props.getConsumer().setEnabled(false);

        lifecycle.start();

        assertThat(lifecycle.isRunning()).isFalse();
        lifecycle.stop();
        assertThat(lifecycle.isRunning()).isFalse();
    }

    @Test
    void aStartThatFailsOnceIsRetriedWithAFreshConsumer() throws Exception {
        DefaultMQPushConsumer failing = mock(DefaultMQPushConsumer.class);
        doThrow(new IllegalStateException("send request to </127.0.0.1:9876> failed")).when(failing).start();
        DefaultMQPushConsumer working = mock(DefaultMQPushConsumer.class);
        doNothing().when(working).start();
        Iterator<DefaultMQPushConsumer> made = List.of(failing, working).iterator();
        PaymentPaidConsumer retrying = new PaymentPaidConsumer(props, listener) {
            @Override
            DefaultMQPushConsumer newConsumer() {
                return made.next();
            }
        };

        assertThat(retrying.startWithRetries(3, 1)).isSameAs(working);
        verify(failing).shutdown();
    }

    @Test
    void aStartThatKeepsFailingGivesUpAfterItsAttempts() throws Exception {
        DefaultMQPushConsumer failing = mock(DefaultMQPushConsumer.class);
        doThrow(new IllegalStateException("name server down")).when(failing).start();
        PaymentPaidConsumer retrying = new PaymentPaidConsumer(props, listener) {
            @Override
            DefaultMQPushConsumer newConsumer() {
                return failing;
            }
        };

        assertThatThrownBy(() -> retrying.startWithRetries(3, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("after 3 attempts")
                .hasRootCauseMessage("name server down");
        verify(failing, times(3)).start();
        verify(failing, times(3)).shutdown();
    }

    @Test
    void startsInTheLastPhaseSoItStopsFirst() {
        assertThat(lifecycle.getPhase()).isEqualTo(Integer.MAX_VALUE);
        assertThat(lifecycle.isAutoStartup()).isTrue();
    }
}

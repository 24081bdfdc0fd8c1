package io.mallpay.accounting.consumer;

import io.mallpay.accounting.AccountingProperties;
import io.mallpay.accounting.deadletter.PoisonLog;
import io.mallpay.accounting.voucher.BookingResult;
import io.mallpay.accounting.voucher.PaymentPaidEventParser;
import io.mallpay.accounting.voucher.Voucher;
import io.mallpay.accounting.voucher.VoucherFactory;
import io.mallpay.accounting.voucher.VoucherService;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.util.List;
import java.util.stream.Stream;

import static io.mallpay.accounting.AccountingMother.MESSAGE_ID;
import static io.mallpay.accounting.AccountingMother.PAYMENT;
import static io.mallpay.accounting.AccountingMother.card;
import static io.mallpay.accounting.AccountingMother.event;
import static io.mallpay.accounting.AccountingMother.json;
import static io.mallpay.accounting.AccountingMother.message;
import static io.mallpay.accounting.AccountingMother.wallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The listener's decision for each kind of message: consumed, dead-lettered at once, or retried. */
class PaymentPaidListenerTest {

    private final VoucherService vouchers = mock(VoucherService.class);
    private final PoisonLog poisonLog = mock(PoisonLog.class);
    private final AccountingProperties props = new AccountingProperties();
    private final PaymentPaidListener listener = new PaymentPaidListener(
            new VoucherFactory(new PaymentPaidEventParser()), vouchers, poisonLog, props);
    private final ConsumeConcurrentlyContext context =
            new ConsumeConcurrentlyContext(new MessageQueue("PAYMENT_ACCOUNTING", "broker-a", 0));

    @Test
    void aGoodMessageIsBookedAndAcknowledged() {
        when(vouchers.book(any())).thenReturn(BookingResult.BOOKED);

        assertThat(consume(message(json(card())))).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);

        ArgumentCaptor<Voucher> booked = ArgumentCaptor.forClass(Voucher.class);
        verify(vouchers).book(booked.capture());
        assertThat(booked.getValue().getPaymentId()).isEqualTo(PAYMENT);
        assertThat(booked.getValue().getMessageId()).isEqualTo(MESSAGE_ID);
        assertThat(context.getDelayLevelWhenNextConsume()).isZero();
        verifyNoInteractions(poisonLog);
    }

    @Test
    void anAlreadyBookedPaymentIsAcknowledged() {
        when(vouchers.book(any())).thenReturn(BookingResult.DUPLICATE);
        MessageExt redelivered = message(json(wallet()));
        redelivered.setReconsumeTimes(3);

        assertThat(consume(redelivered)).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        verifyNoInteractions(poisonLog);
    }

    @Test
    void aMessageWithoutTagOrKeyIsStillBooked() {
        when(vouchers.book(any())).thenReturn(BookingResult.BOOKED);
        MessageExt m = message(json(card()));
        m.setTags(null);
        m.setKeys((String) null);

        assertThat(consume(m)).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
    }

    static Stream<Arguments> poison() {
        return Stream.of(
                Arguments.of("unparseable", "{\"paymentId\":", "unreadable JSON"),
                Arguments.of("missing field", json(card()).replace("\"merchantNetCents\":9800,", ""), "merchantNetCents"),
                Arguments.of("zero amount", json(event("CARD", 0, 0, 0)), "amountCents must be positive"),
                Arguments.of("parts do not add up", json(event("CARD", 10_000, 200, 9_000)), "!= commissionCents"),
                Arguments.of("negative commission", json(event("CARD", 10_000, -1, 10_001)), "must not be negative"),
                Arguments.of("unknown method", json(event("BITCOIN", 10_000, 200, 9_800)), "unknown method BITCOIN"),
                Arguments.of("empty body", "", "empty body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poison")
    void poisonGoesStraightToTheDeadLetterQueueWithItsReason(String kind, String body, String reason) {
        assertThat(consume(message(body))).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);

        assertThat(context.getDelayLevelWhenNextConsume()).isEqualTo(-1);
        verify(poisonLog).record(eq(MESSAGE_ID), eq(PAYMENT), contains(reason));
        verifyNoInteractions(vouchers);
    }

    @Test
    void anUnexpectedTagIsPoisonRatherThanMisreadAsAPayment() {
        MessageExt m = message(json(card()));
        m.setTags("REFUNDED");

        assertThat(consume(m)).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
        assertThat(context.getDelayLevelWhenNextConsume()).isEqualTo(-1);
        verify(poisonLog).record(eq(MESSAGE_ID), eq(PAYMENT), contains("unexpected tag REFUNDED"));
        verifyNoInteractions(vouchers);
    }

    @Test
    void aDatabaseOutageIsRetriedOnRocketMqsSchedule() {
        when(vouchers.book(any())).thenThrow(new CannotGetJdbcConnectionException("connection refused"));

        assertThat(consume(message(json(card())))).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);

        assertThat(context.getDelayLevelWhenNextConsume()).isZero();
        verifyNoInteractions(poisonLog);
    }

    @Test
    void theLastFailedRetryLeavesItsReasonForTheOperator() {
        when(vouchers.book(any())).thenThrow(new CannotGetJdbcConnectionException("connection refused"));
        MessageExt last = message(json(card()));
        last.setReconsumeTimes(16);

        assertThat(consume(last)).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);

        assertThat(context.getDelayLevelWhenNextConsume()).isZero();
        verify(poisonLog).record(eq(MESSAGE_ID), eq(PAYMENT), contains("retries exhausted"));
    }

    @Test
    void theRetryLimitComesFromConfiguration() {
        props.getConsumer().setMaxReconsumeTimes(3);
        when(vouchers.book(any())).thenThrow(new IllegalStateException("bug"));
        MessageExt third = message(json(card()));
        third.setReconsumeTimes(2);

        listener.decide(third);
        verify(poisonLog, never()).record(anyString(), anyString(), anyString());

        third.setReconsumeTimes(3);
        assertThat(listener.decide(third)).isEqualTo(ConsumeDecision.RETRY);
        verify(poisonLog).record(eq(MESSAGE_ID), eq(PAYMENT), contains("bug"));
    }

    @Test
    void inABatchARetryWinsOverDeadLettering() {
        when(vouchers.book(any())).thenThrow(new CannotGetJdbcConnectionException("down"));

        ConsumeConcurrentlyStatus s = listener.consumeMessage(List.of(message("garbage"), message(json(card()))), context);

        assertThat(s).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
        assertThat(context.getDelayLevelWhenNextConsume()).isZero();
    }

    private ConsumeConcurrentlyStatus consume(MessageExt m) {
        return listener.consumeMessage(List.of(m), context);
    }
}

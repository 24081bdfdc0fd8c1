package io.mallpay.accounting.consumer;

import io.mallpay.accounting.AccountingProperties;
import io.mallpay.accounting.deadletter.PoisonLog;
import io.mallpay.accounting.voucher.BookingResult;
import io.mallpay.accounting.voucher.UnbookableEventException;
import io.mallpay.accounting.voucher.Voucher;
import io.mallpay.accounting.voucher.VoucherFactory;
import io.mallpay.accounting.voucher.VoucherService;
import io.mallpay.pay.api.PaymentPaidEvent;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Books each PAYMENT_ACCOUNTING message and tells RocketMQ what to do with it:
 * <ul>
 *   <li>booked or already booked → {@code CONSUME_SUCCESS};</li>
 *   <li>poison ({@link UnbookableEventException}, or a tag other than PAID) → reason recorded, WARN,
 *       {@code setDelayLevelWhenNextConsume(-1)} + {@code RECONSUME_LATER}: the client's
 *       ConsumeMessageConcurrentlyService sends it back with delay level -1 and the broker then
 *       puts it in {@code %DLQ%pay-accounting} at once, without retries;</li>
 *   <li>anything else (database down…) → {@code RECONSUME_LATER} with RocketMQ's retry schedule;
 *       after {@code max-reconsume-times} the broker dead-letters it, so the last failure's
 *       reason is recorded too.</li>
 * </ul>
 * The consumer delivers one message per call; should a batch ever arrive, RETRY of any message
 * wins (retrying a booked one is harmless, dead-lettering a retryable one is not).
 */
@Component
public class PaymentPaidListener implements MessageListenerConcurrently {

    private static final Logger log = LoggerFactory.getLogger(PaymentPaidListener.class);
    /** RocketMQ's "no retry, dead-letter now" delay level. */
    static final int DLQ_NOW = -1;

    private final VoucherFactory factory;
    private final VoucherService vouchers;
    private final PoisonLog poisonLog;
    private final AccountingProperties props;

    public PaymentPaidListener(VoucherFactory factory, VoucherService vouchers, PoisonLog poisonLog,
                               AccountingProperties props) {
        this.factory = factory;
        this.vouchers = vouchers;
        this.poisonLog = poisonLog;
        this.props = props;
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> msgs, ConsumeConcurrentlyContext context) {
        ConsumeDecision worst = ConsumeDecision.CONSUMED;
        for (MessageExt m : msgs) {
            ConsumeDecision d = decide(m);
            if (d.compareTo(worst) > 0) {
                worst = d;
            }
        }
        return switch (worst) {
            case CONSUMED -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            case DEAD_LETTER -> {
                context.setDelayLevelWhenNextConsume(DLQ_NOW);
                yield ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            case RETRY -> ConsumeConcurrentlyStatus.RECONSUME_LATER;
        };
    }

    /** Books {@code m} and says what RocketMQ should do with it; never throws. */
    ConsumeDecision decide(MessageExt m) {
        String messageId = m.getMsgId();
        Voucher voucher;
        try {
            requirePaidTag(m);
            voucher = factory.fromMessage(m.getBody(), messageId);
        } catch (UnbookableEventException poison) {
            log.warn("message {} key {}: poison, sent to the dead-letter queue without retry: {}", messageId,
                    m.getKeys(), poison.getMessage());
            poisonLog.record(messageId, m.getKeys(), poison.getMessage());
            return ConsumeDecision.DEAD_LETTER;
        }
        if (m.getKeys() != null && !m.getKeys().equals(voucher.getPaymentId())) {
            log.warn("payment {} message {}: message key {} is not the payment id; booking by the body",
                    voucher.getPaymentId(), messageId, m.getKeys());
        }
        try {
            BookingResult result = vouchers.book(voucher);
            log.debug("payment {} message {}: {}", voucher.getPaymentId(), messageId, result);
            return ConsumeDecision.CONSUMED;
        } catch (RuntimeException e) {
            return retry(m, voucher.getPaymentId(), e);
        }
    }

    private ConsumeDecision retry(MessageExt m, String paymentId, RuntimeException e) {
        int max = props.getConsumer().getMaxReconsumeTimes();
        if (m.getReconsumeTimes() >= max) {
            // this failure makes the broker dead-letter it: keep the reason for the operator
            log.error("payment {} message {}: booking failed on the last of {} retries, RocketMQ moves it to the"
                    + " dead-letter queue", paymentId, m.getMsgId(), max, e);
            poisonLog.record(m.getMsgId(), m.getKeys(), "retries exhausted: " + e);
        } else {
            log.warn("payment {} message {}: booking failed (retry {} of {}), RocketMQ redelivers later: {}",
                    paymentId, m.getMsgId(), m.getReconsumeTimes(), max, e.toString());
        }
        return ConsumeDecision.RETRY;
    }

    private static void requirePaidTag(MessageExt m) {
        String tag = m.getTags();
        if (tag != null && !tag.isEmpty() && !PaymentPaidEvent.TAG.equals(tag)) {
            throw new UnbookableEventException("unexpected tag " + tag + " (expected " + PaymentPaidEvent.TAG + ")");
        }
    }
}

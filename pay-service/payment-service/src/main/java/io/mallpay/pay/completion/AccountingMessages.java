package io.mallpay.pay.completion;

import io.mallpay.common.fault.FaultInjection;
import io.mallpay.common.tx.GlobalLockRetry;
import io.mallpay.pay.payment.Payment;
import io.mallpay.pay.payment.PaymentStates;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * The local-transaction side of the reliable accounting message (DESIGN.md flow 4): the half
 * message is sent first, then {@link #executeLocalTransaction} runs the completion global
 * transaction, and the message is committed exactly when the payment is globally PAID.
 *
 * <p>Whenever the outcome is not plainly known — the completion failed, the producer died between
 * the half message and its commit, the TC answered late — the database decides
 * ({@link #decide}): the payment row is read under {@code @GlobalLock}, so a PAID whose global
 * transaction is still in flight (and might roll back) is never trusted: that answers UNKNOW and
 * the broker asks again. PAID → COMMIT. Not PAID: a completion started by this very message may
 * not have reached its local branch yet, so the check-back answers UNKNOW until the half message
 * is older than {@code pay.payment.half-message-grace} (default 60 s, twice the global
 * transaction's timeout) and ROLLBACK after. The broker checks back every 10 s, 15 times.
 */
@Component
public class AccountingMessages implements TransactionListener {

    private static final Logger log = LoggerFactory.getLogger(AccountingMessages.class);

    /** The argument of one send: the command and, if the completion failed, why. */
    public static final class Attempt {
        final CompletionCommand command;
        Throwable failure;

        Attempt(CompletionCommand command) {
            this.command = command;
        }

        public Throwable failure() {
            return failure;
        }
    }

    private final CompletionTransaction completion;
    private final PaymentStates states;
    private final FaultInjection faults;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration grace;

    public AccountingMessages(CompletionTransaction completion, PaymentStates states, FaultInjection faults,
                              MeterRegistry meters, Clock clock,
                              @Value("${pay.payment.half-message-grace:60s}") Duration grace) {
        this.completion = completion;
        this.states = states;
        this.faults = faults;
        this.meters = meters;
        this.clock = clock;
        this.grace = grace;
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
        Attempt attempt = (Attempt) arg;
        String paymentId = attempt.command.paymentId();
        try {
            String xid = completion.run(attempt.command);
            faults.hit("pay.accounting.before-end-transaction");
            log.info("payment {} PAID by global transaction {}; accounting message committed", paymentId, xid);
            return LocalTransactionState.COMMIT_MESSAGE;
        } catch (Throwable e) {
            attempt.failure = e;
            LocalTransactionState state = decide(paymentId, Long.MAX_VALUE);
            log.warn("completion of payment {} failed ({}); accounting message {}", paymentId, e.toString(), state);
            return state;
        }
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt msg) {
        long ageMillis = clock.millis() - msg.getBornTimestamp();
        LocalTransactionState state = decide(msg.getKeys(), ageMillis);
        meters.counter("pay.accounting.checkbacks", "state", state.name()).increment();
        log.info("check-back of accounting message {} for payment {} (age {} ms): {}", msg.getMsgId(), msg.getKeys(),
                ageMillis, state);
        return state;
    }

    /**
     * @param ageMillis age of the half message; {@code Long.MAX_VALUE} when the caller's own
     *                  completion attempt is known to be over
     */
    LocalTransactionState decide(String paymentId, long ageMillis) {
        Payment p;
        try {
            p = states.readCommittedOnce(paymentId);
        } catch (RuntimeException e) {
            if (!GlobalLockRetry.isLockConflict(e)) {
                log.warn("check of payment {} failed: {}", paymentId, e.toString());
            }
            return LocalTransactionState.UNKNOW;
        }
        if (p != null && Payment.PAID.equals(p.getStatus())) {
            return LocalTransactionState.COMMIT_MESSAGE;
        }
        if (p != null && Payment.PENDING.equals(p.getStatus()) && ageMillis < grace.toMillis()) {
            return LocalTransactionState.UNKNOW;
        }
        return LocalTransactionState.ROLLBACK_MESSAGE;
    }
}

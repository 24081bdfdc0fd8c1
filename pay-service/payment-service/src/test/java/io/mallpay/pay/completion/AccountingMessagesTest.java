package io.mallpay.pay.completion;

import io.mallpay.common.fault.FaultInjection;
import io.mallpay.pay.payment.Payment;
import io.mallpay.pay.payment.PaymentStates;
import io.mallpay.pay.payment.Payments;
import io.mallpay.pay.settings.PaymentSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.seata.rm.datasource.exec.LockConflictException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class AccountingMessagesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final CompletionTransaction completion = mock(CompletionTransaction.class);
    private final PaymentStates states = mock(PaymentStates.class);
    private final FaultInjection faults = new FaultInjection();
    private final AccountingMessages listener = new AccountingMessages(completion, states, faults,
            new SimpleMeterRegistry(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60));

    private static Payment withStatus(String status) {
        Payment p = Payments.card("P1", 1_000);
        p.setStatus(status);
        return p;
    }

    private static MessageExt halfMessage(Duration age) {
        MessageExt m = new MessageExt();
        m.setKeys("P1");
        m.setBornTimestamp(NOW.minus(age).toEpochMilli());
        return m;
    }

    private static AccountingMessages.Attempt attempt() {
        return new AccountingMessages.Attempt(CompletionCommand.of(Payments.card("P1", 1_000), new PaymentSettings(), NOW));
    }

    @Test
    void aCommittedCompletionCommitsTheMessage() {
        when(completion.run(any())).thenReturn("xid-1");
        assertThat(listener.executeLocalTransaction(new Message(), attempt())).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
    }

    @Test
    void aRolledBackCompletionRollsTheMessageBackAndKeepsTheCause() {
        RuntimeException cause = new IllegalStateException("fund-account down");
        when(completion.run(any())).thenThrow(cause);
        when(states.readCommittedOnce("P1")).thenReturn(withStatus(Payment.PENDING));
        AccountingMessages.Attempt a = attempt();
        assertThat(listener.executeLocalTransaction(new Message(), a)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(a.failure()).isSameAs(cause);
    }

    @Test
    void aFailureAfterTheGlobalCommitStillCommitsTheMessage() {
        when(completion.run(any())).thenReturn("xid-1");
        faults.arm("pay.accounting.before-end-transaction", FaultInjection.Action.FAIL, 0, 1);
        when(states.readCommittedOnce("P1")).thenReturn(withStatus(Payment.PAID));
        assertThat(listener.executeLocalTransaction(new Message(), attempt())).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
    }

    @Test
    void checkBackCommitsAPaidPayment() {
        when(states.readCommittedOnce("P1")).thenReturn(withStatus(Payment.PAID));
        assertThat(listener.checkLocalTransaction(halfMessage(Duration.ofSeconds(6)))).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
    }

    @Test
    void checkBackWaitsWhileTheGlobalTransactionStillHoldsThePayment() {
        when(states.readCommittedOnce("P1")).thenThrow(new RuntimeException(new LockConflictException("held")));
        assertThat(listener.checkLocalTransaction(halfMessage(Duration.ofMinutes(5)))).isEqualTo(LocalTransactionState.UNKNOW);
    }

    @Test
    void checkBackWaitsForAYoungPendingPaymentThenRollsBack() {
        when(states.readCommittedOnce("P1")).thenReturn(withStatus(Payment.PENDING));
        assertThat(listener.checkLocalTransaction(halfMessage(Duration.ofSeconds(20)))).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(listener.checkLocalTransaction(halfMessage(Duration.ofSeconds(61)))).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
    }

    @Test
    void checkBackRollsBackAFailedOrUnknownPayment() {
        when(states.readCommittedOnce("P1")).thenReturn(withStatus(Payment.FAILED));
        assertThat(listener.checkLocalTransaction(halfMessage(Duration.ofSeconds(6)))).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        when(states.readCommittedOnce("P1")).thenReturn(null);
        assertThat(listener.checkLocalTransaction(halfMessage(Duration.ofSeconds(6)))).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
    }
}

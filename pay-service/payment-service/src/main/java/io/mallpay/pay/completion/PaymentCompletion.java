package io.mallpay.pay.completion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mallpay.common.tx.GlobalLockRetry;
import io.mallpay.common.web.ApiException;
import io.mallpay.pay.api.PaymentPaidEvent;
import io.mallpay.pay.payment.Payment;
import io.mallpay.pay.payment.PaymentStates;
import io.mallpay.pay.settings.PaymentSettings;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Completes a payment whose money is secured (the bank said SUCCEEDED, or the wallet will be
 * debited): one {@link CompletionTransaction} under one accounting half message
 * ({@link AccountingMessages}). Idempotent: a payment no longer PENDING is left alone, and two
 * racing completions of the same payment end with one PAID, one voucher, one notification.
 */
@Service
public class PaymentCompletion {

    private static final Logger log = LoggerFactory.getLogger(PaymentCompletion.class);

    private final PaymentStates states;
    private final AccountingProducer producer;
    private final PaymentSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    public PaymentCompletion(PaymentStates states, AccountingProducer producer, PaymentSettings settings,
                             ObjectMapper json, Clock clock) {
        this.states = states;
        this.producer = producer;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Completes a CARD payment the bank reported SUCCEEDED. Returns the payment's status after:
     * PAID, or PENDING when the completion could not run now (a participant, the TC or the broker
     * unavailable: everything was rolled back, and the bank query job tries again).
     */
    public String completeCard(String paymentId) {
        return complete(paymentId).status;
    }

    /**
     * Completes a WALLET payment at once. A refusal by the TCC debit (INSUFFICIENT_FUNDS,
     * FUND_ACCOUNT_FROZEN, UNKNOWN_FUND_ACCOUNT) ends the payment FAILED with that code; a
     * technical failure leaves it PENDING for the pending-payment job.
     */
    public String completeWallet(String paymentId) {
        Outcome o = complete(paymentId);
        if (Payment.PENDING.equals(o.status) && o.failure instanceof ApiException api
                && api.status().is4xxClientError()) {
            states.end(paymentId, Payment.FAILED, api.code());
            return Payment.FAILED;
        }
        return o.status;
    }

    private record Outcome(String status, Throwable failure) {
    }

    private Outcome complete(String paymentId) {
        Payment p;
        try {
            p = states.readCommittedOnce(paymentId);
        } catch (RuntimeException e) {
            if (GlobalLockRetry.isLockConflict(e)) {
                // another completion's global transaction holds the payment: not settled yet either way
                return new Outcome(Payment.PENDING, e);
            }
            throw e;
        }
        if (p == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_PAYMENT", "no payment " + paymentId);
        }
        if (!Payment.PENDING.equals(p.getStatus())) {
            return new Outcome(p.getStatus(), null);
        }
        CompletionCommand command = CompletionCommand.of(p, settings, clock.instant());
        AccountingMessages.Attempt attempt = new AccountingMessages.Attempt(command);
        Message message = new Message(PaymentPaidEvent.TOPIC, PaymentPaidEvent.TAG, paymentId, body(command.event()));
        try {
            TransactionSendResult r = producer.send(message, attempt);
            log.info("payment {}: accounting half message {} ended {}", paymentId, r.getMsgId(),
                    r.getLocalTransactionState());
        } catch (MQClientException e) {
            log.warn("payment {} not completed now: the broker refused the half message ({})", paymentId, e.toString());
            return new Outcome(Payment.PENDING, e);
        }
        return new Outcome(states.committedStatus(paymentId), attempt.failure());
    }

    private byte[] body(PaymentPaidEvent event) {
        try {
            return json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

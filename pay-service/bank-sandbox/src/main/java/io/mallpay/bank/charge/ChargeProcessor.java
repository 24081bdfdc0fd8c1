package io.mallpay.bank.charge;

import io.mallpay.bank.callback.Callback;
import io.mallpay.bank.callback.CallbackBody;
import io.mallpay.bank.callback.CallbackDispatcher;
import io.mallpay.bank.sandbox.CallbackModeSettings;
import io.mallpay.bank.sandbox.ModeSetting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs charge decisions on the bounded decision pool, never on the request thread, and hands each
 * decided charge to the {@link CallbackDispatcher} after the decision has committed. A charge that
 * cannot be queued (pool full) or whose decision fails stays ACCEPTED and is picked up again by
 * {@link StaleChargeSweep}; deciding is idempotent, so picking it up twice is harmless.
 */
@Component
public class ChargeProcessor {

    private static final Logger log = LoggerFactory.getLogger(ChargeProcessor.class);

    private final Executor executor;
    private final ChargeDecider decider;
    private final CallbackDispatcher dispatcher;
    private final CallbackModeSettings modes;

    public ChargeProcessor(@Qualifier("chargeDecisionExecutor") Executor executor, ChargeDecider decider,
            CallbackDispatcher dispatcher, CallbackModeSettings modes) {
        this.executor = executor;
        this.decider = decider;
        this.dispatcher = dispatcher;
        this.modes = modes;
    }

    /** Queues the decision of the charge and returns at once. */
    public void submit(String chargeId) {
        try {
            executor.execute(() -> process(chargeId));
        } catch (RejectedExecutionException e) {
            log.warn("decision queue full: charge {} stays ACCEPTED until the sweep picks it up", chargeId);
        }
    }

    void process(String chargeId) {
        try {
            decider.decide(chargeId).ifPresent(charge -> dispatcher.dispatch(callbackOf(charge)));
        } catch (RuntimeException e) {
            log.error("charge {} could not be decided or its callback not started", chargeId, e);
        }
    }

    /** The charge's mode is the one recorded at submission; its delay is the card's current setting. */
    private Callback callbackOf(Charge charge) {
        ModeSetting setting = new ModeSetting(charge.getCallbackMode(),
                modes.effectiveFor(charge.getCardNumber()).delayMillis());
        CallbackBody body = new CallbackBody(charge.getChargeId(), charge.getBankTxnId(), charge.getStatus().name(),
                charge.getAmountCents(), charge.getMerchantRef(), charge.getDecidedAt());
        return new Callback(charge.getCallbackUrl(), setting, body);
    }
}

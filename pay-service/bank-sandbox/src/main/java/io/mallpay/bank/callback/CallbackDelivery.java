package io.mallpay.bank.callback;

import io.mallpay.bank.signature.BankSigner;
import io.mallpay.bank.signature.SignedBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one callback body to one URL: signs it afresh for every try (new timestamp and nonce),
 * retries a non-2xx answer or a failed connection up to {@code attempts} tries in all, waiting
 * {@code backoffMillis}, then twice that, and so on, and then gives up with a warning. Each 2xx is
 * reported to the {@link DeliveryListener}. Whatever the outcome, {@code then} runs once at the
 * end, so callers can chain what must happen after this callback (TWICE, OUT_OF_ORDER).
 */
public class CallbackDelivery {

    private static final Logger log = LoggerFactory.getLogger(CallbackDelivery.class);

    private final CallbackSender sender;
    private final BankSigner signer;
    private final CallbackScheduler scheduler;
    private final DeliveryListener listener;
    private final int attempts;
    private final long backoffMillis;

    public CallbackDelivery(CallbackSender sender, BankSigner signer, CallbackScheduler scheduler,
            DeliveryListener listener, int attempts, long backoffMillis) {
        this.sender = sender;
        this.signer = signer;
        this.scheduler = scheduler;
        this.listener = listener;
        this.attempts = attempts;
        this.backoffMillis = backoffMillis;
    }

    /** Starts the delivery on the scheduler's thread and returns at once. */
    public void deliver(String chargeId, String url, String json, Runnable then) {
        scheduler.schedule(0, () -> attempt(chargeId, url, json, 1, then));
    }

    private void attempt(String chargeId, String url, String json, int attempt, Runnable then) {
        if (tryOnce(chargeId, url, json, attempt)) {
            record(chargeId);
            then.run();
        } else if (attempt >= attempts) {
            log.warn("callback of charge {} to {} given up after {} tries", chargeId, url, attempt);
            then.run();
        } else {
            long wait = backoffMillis << Math.min(attempt - 1, 20);
            scheduler.schedule(wait, () -> attempt(chargeId, url, json, attempt + 1, then));
        }
    }

    private boolean tryOnce(String chargeId, String url, String json, int attempt) {
        SignedBody signed = signer.sign(json);
        try {
            int status = sender.post(url, signed.headers(), json);
            if (status >= 200 && status < 300) {
                log.info("callback of charge {} delivered to {} (try {}, HTTP {})", chargeId, url, attempt, status);
                return true;
            }
            log.warn("callback of charge {} to {} answered HTTP {} (try {})", chargeId, url, status, attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("callback of charge {} to {} interrupted (try {})", chargeId, url, attempt);
        } catch (Exception e) {
            log.warn("callback of charge {} to {} failed (try {}): {}", chargeId, url, attempt, e.toString());
        }
        return false;
    }

    private void record(String chargeId) {
        try {
            listener.delivered(chargeId);
        } catch (RuntimeException e) {
            // The callback did reach the platform; only the counter is off. Never resend for that.
            log.warn("callback of charge {} delivered but not counted: {}", chargeId, e.toString());
        }
    }
}

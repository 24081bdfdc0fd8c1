package io.mallpay.bank.charge;

import io.mallpay.bank.BankProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every few seconds, re-queues charges still ACCEPTED {@code bank.stale-after-seconds} after
 * submission: those the full decision pool refused, whose decision failed, or that a restart of
 * the sandbox interrupted. At most 100 per run, oldest first. Deciding is idempotent.
 */
@Component
public class StaleChargeSweep {

    private static final Logger log = LoggerFactory.getLogger(StaleChargeSweep.class);
    private static final int BATCH = 100;

    private final ChargeMapper charges;
    private final ChargeProcessor processor;
    private final BankProperties properties;

    public StaleChargeSweep(ChargeMapper charges, ChargeProcessor processor, BankProperties properties) {
        this.charges = charges;
        this.processor = processor;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${bank.sweep-interval-millis:5000}", fixedDelayString = "${bank.sweep-interval-millis:5000}")
    public void sweep() {
        try {
            List<String> stale = charges.selectStaleAccepted(properties.staleAfterSeconds(), BATCH);
            if (!stale.isEmpty()) {
                log.info("re-queueing {} charges still ACCEPTED after {} s", stale.size(), properties.staleAfterSeconds());
                stale.forEach(processor::submit);
            }
        } catch (RuntimeException e) {
            log.warn("sweep of stale charges failed: {}", e.toString());
        }
    }
}

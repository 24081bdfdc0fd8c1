package io.mallpay.pay.bank;

import io.mallpay.pay.completion.PaymentCompletion;
import io.mallpay.pay.payment.BankSubmission;
import io.mallpay.pay.payment.Payment;
import io.mallpay.pay.payment.PaymentMapper;
import io.mallpay.pay.payment.PaymentStates;
import io.mallpay.pay.settings.PaymentSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Settles payments left PENDING longer than {@code pay.payment.query-after} (DESIGN.md flow 3, "if
 * no callback comes, the platform queries the bank"): a CARD payment is looked up at the bank —
 * SUCCEEDED completes it, DECLINED fails it, never received is submitted again or, after
 * {@code pay.payment.close-after}, CLOSED; a WALLET payment whose completion could not run is
 * completed again. Runs every {@code pay.payment.pending-scan-millis} (default 5 s); also purges
 * callback nonces older than twice the replay window.
 */
@Component
public class PendingPaymentJob {

    private static final Logger log = LoggerFactory.getLogger(PendingPaymentJob.class);
    private static final int BATCH = 100;

    private final PaymentMapper payments;
    private final PaymentSettings settings;
    private final BankGateway bank;
    private final BankResults results;
    private final BankSubmission submission;
    private final PaymentCompletion completion;
    private final PaymentStates states;
    private final BankCallbackMapper callbacks;
    private final Clock clock;

    public PendingPaymentJob(PaymentMapper payments, PaymentSettings settings, BankGateway bank, BankResults results,
                             BankSubmission submission, PaymentCompletion completion, PaymentStates states,
                             BankCallbackMapper callbacks, Clock clock) {
        this.payments = payments;
        this.settings = settings;
        this.bank = bank;
        this.results = results;
        this.submission = submission;
        this.completion = completion;
        this.states = states;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pay.payment.pending-scan-millis:5000}", initialDelay = 10_000)
    public void run() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        List<String> due = payments.findPendingBefore(now.minus(settings.getQueryAfter()), BATCH);
        for (String id : due) {
            try {
                settle(id, now);
            } catch (RuntimeException e) {
                log.warn("pending payment {} not settled this round: {}", id, e.toString());
            }
        }
        callbacks.purgeNonces(now.minus(settings.getCallbackWindow().multipliedBy(2)));
    }

    void settle(String paymentId, LocalDateTime now) {
        Payment p = payments.selectById(paymentId);
        if (p == null || !Payment.PENDING.equals(p.getStatus())) {
            return;
        }
        if (Payment.WALLET.equals(p.getMethod())) {
            log.info("wallet payment {} still PENDING: completing again", paymentId);
            completion.completeWallet(paymentId);
            return;
        }
        Optional<BankCharge> charge = bank.queryCharge(paymentId);
        if (charge.isEmpty()) {
            if (p.getCreatedAt().isBefore(now.minus(settings.getCloseAfter()))) {
                states.end(paymentId, Payment.CLOSED, "BANK_NEVER_RECEIVED");
                log.info("payment {} CLOSED: the bank never received its charge", paymentId);
            } else {
                log.info("payment {}: the bank has no charge; submitting it again", paymentId);
                submission.submit(p);
            }
            return;
        }
        BankCharge c = charge.get();
        String mismatch = BankResults.mismatch(p, c);
        if (mismatch != null) {
            log.error("bank status for payment {} does not match it ({}): {}; left PENDING for an operator",
                    paymentId, mismatch, c);
            return;
        }
        results.apply(p, c, "query");
    }
}

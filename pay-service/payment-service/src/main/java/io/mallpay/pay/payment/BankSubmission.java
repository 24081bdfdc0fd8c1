package io.mallpay.pay.payment;

import io.mallpay.common.web.ApiException;
import io.mallpay.pay.bank.BankGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Submits a CARD payment's charge to the bank. A failure to reach the bank leaves the payment
 * PENDING and unsubmitted; the bank query job finds it, learns the bank never received it, and
 * submits again (the bank is idempotent on the payment id) or closes it after
 * {@code pay.payment.close-after}.
 */
@Component
public class BankSubmission {

    private static final Logger log = LoggerFactory.getLogger(BankSubmission.class);

    private final BankGateway bank;
    private final PaymentStates states;

    public BankSubmission(BankGateway bank, PaymentStates states) {
        this.bank = bank;
        this.states = states;
    }

    /** @return whether the bank took the charge */
    public boolean submit(Payment p) {
        try {
            String txn = bank.submitCharge(p);
            states.submitted(p.getPaymentId(), txn);
            return true;
        } catch (ApiException e) {
            log.warn("charge {} not submitted ({}); the bank query job will retry", p.getPaymentId(), e.getMessage());
            return false;
        }
    }
}

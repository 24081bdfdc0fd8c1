package io.mallpay.pay.bank;

import io.mallpay.pay.completion.PaymentCompletion;
import io.mallpay.pay.payment.Payment;
import io.mallpay.pay.payment.PaymentStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * Applies a verified bank result to its payment, whichever way it arrived (callback or status
 * query): SUCCEEDED completes the payment (TCC global transaction + accounting message), DECLINED
 * ends it FAILED with {@code BANK_DECLINED}. A result for a payment that is no longer PENDING
 * changes nothing.
 */
@Component
public class BankResults {

    private static final Logger log = LoggerFactory.getLogger(BankResults.class);

    private final PaymentCompletion completion;
    private final PaymentStates states;

    public BankResults(PaymentCompletion completion, PaymentStates states) {
        this.completion = completion;
        this.states = states;
    }

    /**
     * Why the bank's result cannot belong to this payment ({@code AMOUNT_MISMATCH},
     * {@code MERCHANT_MISMATCH}, {@code CARD_MISMATCH}), or {@code null} when it matches. A callback
     * must name the merchant; a status answer names the card instead.
     */
    public static String mismatch(Payment p, BankCharge c) {
        if (!Objects.equals(p.getAmountCents(), c.amountCents())) {
            return "AMOUNT_MISMATCH";
        }
        if (c.cardNumber() == null && !Objects.equals(p.getMerchantId(), c.merchantRef())) {
            return "MERCHANT_MISMATCH";
        }
        if (c.cardNumber() != null && !Objects.equals(p.getCardNumber(), c.cardNumber())) {
            return "CARD_MISMATCH";
        }
        return null;
    }

    /** @return the payment's status afterwards */
    public String apply(Payment p, BankCharge c, String source) {
        if (!Payment.PENDING.equals(p.getStatus())) {
            return p.getStatus();
        }
        if (BankCharge.SUCCEEDED.equals(c.status())) {
            String status = completion.completeCard(p.getPaymentId());
            log.info("bank {} for payment {}: SUCCEEDED → {}", source, p.getPaymentId(), status);
            return status;
        }
        if (BankCharge.DECLINED.equals(c.status())) {
            states.end(p.getPaymentId(), Payment.FAILED, "BANK_DECLINED");
            log.info("bank {} for payment {}: DECLINED → FAILED", source, p.getPaymentId());
            return Payment.FAILED;
        }
        return p.getStatus();
    }
}

package io.mallpay.pay.bank;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mallpay.common.web.ApiException;
import io.mallpay.pay.payment.Payment;
import io.mallpay.pay.payment.PaymentMapper;
import io.mallpay.pay.settings.PaymentSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;

/**
 * Receives the bank's asynchronous result (DESIGN.md flow 3). In order: the signature over the raw
 * body (401 BAD_SIGNATURE / MISSING_SIGNATURE), the timestamp window (401 STALE_TIMESTAMP), the
 * nonce never seen before (409 REPLAYED_NONCE), a readable body (400 MALFORMED_CALLBACK), a known
 * payment (404 UNKNOWN_PAYMENT), the same amount and merchant (422 AMOUNT_MISMATCH /
 * MERCHANT_MISMATCH). A rejected callback changes nothing and is recorded in {@code bank_callback}
 * with its reason (and counted in {@code pay.bank.callbacks{outcome,reason}}). An authentic result
 * for a payment already settled is a harmless DUPLICATE (200).
 */
@Service
public class BankCallbackService {

    private static final Logger log = LoggerFactory.getLogger(BankCallbackService.class);

    /** What the endpoint answers: 200 with the payment's status, or the rejection. */
    public record Answer(String paymentId, String outcome, String paymentStatus) {
    }

    private final PaymentSettings settings;
    private final BankCallbackMapper callbacks;
    private final PaymentMapper payments;
    private final BankResults results;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    public BankCallbackService(PaymentSettings settings, BankCallbackMapper callbacks, PaymentMapper payments,
                               BankResults results, ObjectMapper json, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.callbacks = callbacks;
        this.payments = payments;
        this.results = results;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    public Answer handle(String timestamp, String nonce, String signature, String body) {
        BankCallbackRecord rec = new BankCallbackRecord();
        rec.setNonce(cut(nonce, 128));
        rec.setSentAt(cut(timestamp, 32));
        rec.setBody(cut(body, 60_000));
        claimed(rec, body);
        String reason = BankSignature.verify(settings.getBankSecret(), timestamp, nonce, signature, body,
                clock.instant(), settings.getCallbackWindow());
        if (reason != null) {
            throw reject(rec, reason, HttpStatus.UNAUTHORIZED, "callback refused: " + reason);
        }
        BankCharge charge;
        try {
            charge = json.readValue(body, BankCharge.class);
        } catch (Exception e) {
            throw reject(rec, "MALFORMED_CALLBACK", HttpStatus.BAD_REQUEST, "unreadable callback body");
        }
        if (charge.cardNumber() != null) {
            throw reject(rec, "MALFORMED_CALLBACK", HttpStatus.BAD_REQUEST, "a callback names the merchant, not the card");
        }
        try {
            callbacks.insertNonce(nonce);
        } catch (DuplicateKeyException e) {
            throw reject(rec, "REPLAYED_NONCE", HttpStatus.CONFLICT, "nonce " + nonce + " was already used");
        }
        Payment p = charge.chargeId() == null ? null : payments.selectById(charge.chargeId());
        if (p == null) {
            throw reject(rec, "UNKNOWN_PAYMENT", HttpStatus.NOT_FOUND, "no payment " + charge.chargeId());
        }
        String mismatch = BankResults.mismatch(p, charge);
        if (mismatch != null) {
            throw reject(rec, mismatch, HttpStatus.UNPROCESSABLE_ENTITY, "callback for " + p.getPaymentId()
                    + " says " + charge.amountCents() + "p to " + charge.merchantRef() + "; the payment is "
                    + p.getAmountCents() + "p to " + p.getMerchantId());
        }
        boolean fresh = Payment.PENDING.equals(p.getStatus());
        String status = results.apply(p, charge, "callback");
        if (fresh && Payment.PENDING.equals(status) && BankCharge.SUCCEEDED.equals(charge.status())) {
            record(rec, BankCallbackRecord.ACCEPTED, "COMPLETION_DEFERRED");
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "COMPLETION_DEFERRED", "payment "
                    + p.getPaymentId() + " could not be completed now; send again later (the platform also queries)");
        }
        String outcome = fresh ? BankCallbackRecord.ACCEPTED : BankCallbackRecord.DUPLICATE;
        record(rec, outcome, null);
        return new Answer(p.getPaymentId(), outcome, status);
    }

    /** What the callback claims, for the record only (nothing is trusted before the signature). */
    private void claimed(BankCallbackRecord rec, String body) {
        try {
            BankCharge c = json.readValue(body, BankCharge.class);
            rec.setPaymentId(cut(c.chargeId(), 64));
            rec.setBankStatus(cut(c.status(), 16));
            rec.setAmountCents(c.amountCents());
        } catch (Exception e) {
            // unreadable: recorded with its body only
        }
    }

    private ApiException reject(BankCallbackRecord rec, String reason, HttpStatus status, String detail) {
        record(rec, BankCallbackRecord.REJECTED, reason);
        log.warn("bank callback rejected: {} (payment {}, nonce {}): {}", reason, rec.getPaymentId(), rec.getNonce(), detail);
        return new ApiException(status, reason, detail);
    }

    private void record(BankCallbackRecord rec, String outcome, String reason) {
        rec.setOutcome(outcome);
        rec.setReason(reason);
        callbacks.insert(rec);
        meters.counter("pay.bank.callbacks", "outcome", outcome, "reason", reason == null ? "none" : reason).increment();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

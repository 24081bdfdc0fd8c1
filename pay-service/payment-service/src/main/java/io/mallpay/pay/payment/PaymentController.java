package io.mallpay.pay.payment;

import io.mallpay.common.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

@RestController
@Tag(name = "payments", description = "Pay an order, follow a payment, reconcile a merchant's payments")
public class PaymentController {

    private final PaymentCreation creation;
    private final PaymentMapper payments;
    private final PaymentStates states;

    public PaymentController(PaymentCreation creation, PaymentMapper payments, PaymentStates states) {
        this.creation = creation;
        this.payments = payments;
        this.states = states;
    }

    /**
     * {@code POST /api/payments} with header {@code Idempotency-Key}: 201 with the payment. CARD
     * answers PENDING (the bank's signed callback completes it); WALLET completes at once and
     * answers PAID (or FAILED with its code). A retry with the same key and body answers the same
     * payment with {@code Idempotent-Replayed: true}. Rejections (problem+json, nothing created):
     * UNKNOWN_ORDER 404, ORDER_NOT_PAYABLE 409, PAYMENT_IN_PROGRESS 409, NOTHING_TO_PAY 422,
     * AMOUNT_OVER_LIMIT 422, DAILY_LIMIT_EXCEEDED 422, NO_CARD 422, NO_WALLET 422,
     * ACCOUNT_FROZEN 409, INSUFFICIENT_FUNDS 409, IDEMPOTENCY_KEY_REUSED 422, MISSING_HEADER 400,
     * VALIDATION_FAILED 400, RATE_LIMITED 429 (with Retry-After: the customer is over their own rule
     * on payment creation, or all customers together over its shared capacity), CIRCUIT_OPEN 503 (a participant's circuit is open; names it).
     */
    @Operation(summary = "Create a payment for a mall order (CARD through the bank, or WALLET)")
    @PostMapping("/api/payments")
    public ResponseEntity<PaymentResponse> create(@RequestHeader("Idempotency-Key") String idempotencyKey,
                                                  @Valid @RequestBody CreatePaymentRequest request) {
        PaymentCreation.Result r = creation.create(idempotencyKey, request);
        Payment now = states.committedView(r.payment().getPaymentId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(r.replayed()))
                .body(PaymentResponse.of(now == null ? r.payment() : now));
    }

    /**
     * The merchant query API: a payment's current state. PAID only once the completion's global
     * transaction has committed (an in-flight one reads as PENDING). 404 UNKNOWN_PAYMENT.
     */
    @Operation(summary = "Get a payment's state")
    @GetMapping("/api/payments/{paymentId}")
    public PaymentResponse get(@PathVariable String paymentId) {
        Payment p = states.committedView(paymentId);
        if (p == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_PAYMENT", "no payment " + paymentId);
        }
        return PaymentResponse.of(p);
    }

    /**
     * A merchant's payments created in {@code [from, to)} (ISO-8601 instants, default the last 24 h),
     * optionally of one {@code status}, ordered by payment id; page on with {@code after} = the last
     * payment id seen. {@code limit} 1..1000 (default 200).
     */
    @Operation(summary = "List a merchant's payments for reconciliation")
    @GetMapping("/api/merchants/{merchantId}/payments")
    public List<PaymentResponse> list(@PathVariable String merchantId,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(required = false) String after,
                                      @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "limit must be 1..1000");
        }
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minusSeconds(86_400) : from;
        return payments.listForMerchant(merchantId, utc(start), utc(end), status, after, limit).stream()
                .map(PaymentResponse::of).toList();
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}

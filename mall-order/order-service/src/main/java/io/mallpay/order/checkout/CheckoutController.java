package io.mallpay.order.checkout;

import io.mallpay.common.sentinel.PerUserLimit;
import io.mallpay.order.order.OrderResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "orders", description = "Checkout, follow and cancel orders")
public class CheckoutController {

    private final CheckoutService checkout;

    public CheckoutController(CheckoutService checkout) {
        this.checkout = checkout;
    }

    /**
     * {@code POST /api/orders} with header {@code Idempotency-Key}: 201 with the order (status
     * CREATED). A retry with the same key and body answers 201 with the same order and header
     * {@code Idempotent-Replayed: true}. Rejections (problem+json): UNKNOWN_SKU 404,
     * OUT_OF_STOCK 409, NOT_ENOUGH_POINTS 409, COUPON_NOT_USABLE 409, UNKNOWN_COUPON 404,
     * UNKNOWN_USER 404, BAD_QUANTITY 400, BAD_POINTS 400, VALIDATION_FAILED 400, MISSING_HEADER 400,
     * IDEMPOTENCY_KEY_REUSED 422, PARTICIPANT_UNAVAILABLE 503, RATE_LIMITED 429 (with Retry-After; the
     * customer is over their own rule of {@link PerUserLimit#CHECKOUT}, or all customers together over
     * its shared capacity), CIRCUIT_OPEN 503 (a
     * participant's circuit is open; names it) — and then nothing changed anywhere.
     */
    @Operation(summary = "Check out a cart (one Seata AT global transaction)")
    @PostMapping("/api/orders")
    public ResponseEntity<OrderResponse> checkout(@RequestHeader("Idempotency-Key") String idempotencyKey,
                                                  @Valid @RequestBody CheckoutRequest request) {
        // The customer's own rule, then the shared capacity (issue 10): over either, 429 RATE_LIMITED
        // and nothing written.
        CheckoutService.Result r = PerUserLimit.call(PerUserLimit.CHECKOUT, request.userId(),
                () -> checkout.checkout(idempotencyKey, request));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(r.replayed()))
                .body(r.order());
    }
}

package io.mallpay.order.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Internal contract of {@code mall-order} for the payment platform: read an order's amount due,
 * and deliver a payment result (the target of the merchant notification, DESIGN.md flow 6).
 * Errors (problem+json codes): {@code UNKNOWN_ORDER} (404), {@code ORDER_CANCELLED} (409, the
 * order was cancelled before the payment arrived: refund it), {@code AMOUNT_MISMATCH} (409),
 * {@code ALREADY_PAID} (409, paid by another payment).
 */
@FeignClient(name = OrderApi.SERVICE, contextId = "orderClient")
public interface OrderClient {

    /** The order as the payment platform needs it. */
    @GetMapping("/internal/orders/{orderId}")
    OrderView get(@PathVariable("orderId") long orderId);

    /**
     * Applies a successful payment: in one Seata AT global transaction the order becomes PAID, its
     * stock moves reserved → sold, its frozen points are spent, its coupon becomes USED and
     * consumption points are awarded. Idempotent on {@code paymentId}: the same notification again
     * answers the recorded outcome and changes nothing.
     *
     * <p>The body is a {@link PaymentResultRequest} as JSON, sent as the exact string that was signed
     * (pay-api {@code NotificationSignature}: headers X-Pay-Timestamp, X-Pay-Nonce, X-Pay-Signature);
     * an unsigned, forged or stale call gets 401 {@code BAD_SIGNATURE}.
     */
    @PostMapping(path = "/internal/orders/{orderId}/payment-result", consumes = "application/json")
    PaymentResultResponse paymentResult(@PathVariable("orderId") long orderId,
                                        @RequestHeader("X-Pay-Timestamp") String timestamp,
                                        @RequestHeader("X-Pay-Nonce") String nonce,
                                        @RequestHeader("X-Pay-Signature") String signature,
                                        @RequestBody String signedBody);

    /**
     * @param status       CREATED, PAID or CANCELLED
     * @param payableCents amount due in minor units (pence)
     */
    record OrderView(long orderId, long userId, String status, long payableCents) {
    }

    /**
     * @param paymentId   the payment platform's id of the payment, the idempotency key
     * @param amountCents amount paid in minor units; must equal the order's payable amount
     */
    record PaymentResultRequest(@NotBlank @Size(max = 64) String paymentId, @Min(0) long amountCents) {
    }

    /** @param outcome APPLIED (this call or an earlier one with the same paymentId) */
    record PaymentResultResponse(long orderId, String status, String outcome) {
    }
}

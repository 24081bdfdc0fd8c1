package io.mallpay.order.payment;

import io.mallpay.common.web.ApiException;
import io.mallpay.order.api.OrderClient;
import io.mallpay.order.order.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/**
 * The merchant-notification target ({@link OrderClient#paymentResult}). A rejected payment is
 * still recorded (the payment platform must refund it); the answer is then 409 with code
 * ORDER_CANCELLED, AMOUNT_MISMATCH or ALREADY_PAID, the same on every retry.
 */
@RestController
public class PaymentResultController {

    private final PaymentResultService service;

    public PaymentResultController(PaymentResultService service) {
        this.service = service;
    }

    @PostMapping("/internal/orders/{orderId}/payment-result")
    public OrderClient.PaymentResultResponse paymentResult(@PathVariable long orderId,
                                                           @Valid @RequestBody OrderClient.PaymentResultRequest request) {
        PaymentRecorder.Decision d = service.apply(orderId, request.paymentId(), request.amountCents());
        switch (d.outcome()) {
            case PaymentNotification.REJECTED_ORDER_CANCELLED -> throw new ApiException(HttpStatus.CONFLICT,
                    "ORDER_CANCELLED", "order " + orderId + " was cancelled before payment " + request.paymentId());
            case PaymentNotification.REJECTED_AMOUNT_MISMATCH -> throw new ApiException(HttpStatus.CONFLICT,
                    "AMOUNT_MISMATCH", "payment " + request.paymentId() + " of " + request.amountCents()
                    + "p does not match order " + orderId + " payable " + d.order().getPayableCents() + "p");
            case PaymentNotification.REJECTED_ALREADY_PAID -> throw new ApiException(HttpStatus.CONFLICT,
                    "ALREADY_PAID", "order " + orderId + " was already paid by " + d.order().getPaymentId());
            default -> {
                return new OrderClient.PaymentResultResponse(orderId, Order.PAID, d.outcome());
            }
        }
    }
}

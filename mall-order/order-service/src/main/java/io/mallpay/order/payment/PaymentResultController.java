package io.mallpay.order.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mallpay.common.fault.FaultInjection;
import io.mallpay.common.web.ApiException;
import io.mallpay.order.api.OrderClient;
import io.mallpay.order.order.Order;
import io.mallpay.pay.api.notify.NotificationSignature;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The merchant-notification target ({@link OrderClient#paymentResult}). A rejected payment is
 * still recorded (the payment platform must refund it); the answer is then 409 with code
 * ORDER_CANCELLED, AMOUNT_MISMATCH or ALREADY_PAID, the same on every retry. The body is read raw
 * because the payment platform signs its exact bytes ({@link NotificationVerifier}); an unsigned,
 * forged or stale notification gets 401 BAD_SIGNATURE and changes nothing.
 *
 * <p>Fault point {@value #RECEIVE_FAULT} (local stack only): armed with FAIL, every notification
 * is answered 503 FAULT_INJECTED before anything is read, as if the receiver were down while the
 * storefront keeps working ({@code ./mall chaos notify-down}).
 */
@RestController
public class PaymentResultController {

    /** The fault point offered before a notification is read. */
    public static final String RECEIVE_FAULT = "order.payment-result.receive";

    private final PaymentResultService service;
    private final NotificationVerifier verifier;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final FaultInjection faults;

    public PaymentResultController(PaymentResultService service, NotificationVerifier verifier, ObjectMapper mapper,
                                   Validator validator, FaultInjection faults) {
        this.faults = faults;
        this.service = service;
        this.verifier = verifier;
        this.mapper = mapper;
        this.validator = validator;
    }

    @PostMapping(path = "/internal/orders/{orderId}/payment-result", consumes = MediaType.APPLICATION_JSON_VALUE)
    public OrderClient.PaymentResultResponse paymentResult(
            @PathVariable long orderId,
            @RequestHeader(name = NotificationSignature.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(name = NotificationSignature.NONCE_HEADER, required = false) String nonce,
            @RequestHeader(name = NotificationSignature.SIGNATURE_HEADER, required = false) String signature,
            @RequestBody String body) {
        faults.hit(RECEIVE_FAULT);
        verifier.verify(orderId, timestamp, nonce, signature, body);
        OrderClient.PaymentResultRequest request = parse(body);
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

    private OrderClient.PaymentResultRequest parse(String body) {
        OrderClient.PaymentResultRequest request;
        try {
            request = mapper.readValue(body, OrderClient.PaymentResultRequest.class);
        } catch (JsonProcessingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "unreadable payment result: "
                    + e.getOriginalMessage());
        }
        Set<ConstraintViolation<OrderClient.PaymentResultRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return request;
    }
}

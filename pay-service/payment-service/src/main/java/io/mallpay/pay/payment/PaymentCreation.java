package io.mallpay.pay.payment;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import io.mallpay.common.sentinel.PerUserLimit;
import io.mallpay.common.web.ApiException;
import io.mallpay.order.api.OrderClient;
import io.mallpay.order.api.OrderClient.OrderView;
import io.mallpay.pay.card.UserCard;
import io.mallpay.pay.card.UserCardMapper;
import io.mallpay.pay.completion.PaymentCompletion;
import io.mallpay.pay.settings.PaymentSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Creates a payment for a mall order (DESIGN.md flow 2, no distributed transaction): checks the
 * order, the limits and the account, inserts the PENDING payment, then either submits the charge
 * to the bank (CARD: the result comes only through the bank's signed callback, or the bank query
 * job) or completes at once from the wallet (WALLET: the completion global transaction's TCC debit).
 * Idempotent on the {@code Idempotency-Key}; one live (PENDING or PAID) payment per order.
 */
@Service
public class PaymentCreation {

    private static final Logger log = LoggerFactory.getLogger(PaymentCreation.class);

    /** Outcome: the payment and whether it is the answer to an earlier request with the same key. */
    public record Result(Payment payment, boolean replayed) {
    }

    private final PaymentMapper payments;
    private final OrderClient orders;
    private final PaymentLimits limits;
    private final UserCardMapper cards;
    private final PaymentSettings settings;
    private final BankSubmission bankSubmission;
    private final PaymentCompletion completion;

    public PaymentCreation(PaymentMapper payments, OrderClient orders, PaymentLimits limits, UserCardMapper cards,
                           PaymentSettings settings, BankSubmission bankSubmission, PaymentCompletion completion) {
        this.payments = payments;
        this.orders = orders;
        this.limits = limits;
        this.cards = cards;
        this.settings = settings;
        this.bankSubmission = bankSubmission;
        this.completion = completion;
    }

    /** See {@link PaymentController#create} for the answers and error codes. */
    public Result create(String idempotencyKey, CreatePaymentRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 64) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Idempotency-Key must be 1..64 characters");
        }
        Payment earlier = payments.selectByIdempotencyKey(idempotencyKey);
        if (earlier != null) {
            return replay(earlier, request);
        }
        OrderView order = orders.get(request.orderId());
        // The customer's own rule, then the shared capacity (issue 10): over either, 429 RATE_LIMITED
        // and nothing created.
        return PerUserLimit.call(PerUserLimit.PAYMENT_CREATION, order.userId(),
                () -> createFor(idempotencyKey, request, order));
    }

    private Result createFor(String idempotencyKey, CreatePaymentRequest request, OrderView order) {
        if (!"CREATED".equals(order.status())) {
            throw new ApiException(HttpStatus.CONFLICT, "ORDER_NOT_PAYABLE",
                    "order " + order.orderId() + " is " + order.status());
        }
        limits.checkAmount(order.userId(), order.payableCents());
        String card = null;
        if (Payment.CARD.equals(request.method())) {
            card = request.cardNumber() != null ? request.cardNumber() : boundCard(order.userId());
        } else {
            limits.checkWallet(order.userId(), order.payableCents());
        }
        Payment p = insert(idempotencyKey, request, order, card);
        log.info("payment {} created: order {} user {} {} {}p", p.getPaymentId(), order.orderId(), order.userId(),
                p.getMethod(), p.getAmountCents());
        if (Payment.CARD.equals(p.getMethod())) {
            bankSubmission.submit(p);
        } else {
            completion.completeWallet(p.getPaymentId());
        }
        // the caller answers the payment's committed view (one read), not this inserted row
        return new Result(p, false);
    }

    private Payment insert(String key, CreatePaymentRequest request, OrderView order, String card) {
        Payment p = new Payment();
        p.setPaymentId("P" + IdWorker.getId());
        p.setIdempotencyKey(key);
        p.setOrderId(order.orderId());
        p.setLiveOrderId(order.orderId());
        p.setUserId(order.userId());
        p.setMerchantId(settings.getMerchantId());
        p.setMethod(request.method());
        p.setCardNumber(card);
        p.setAmountCents(order.payableCents());
        p.setStatus(Payment.PENDING);
        p.setBankSubmitted(false);
        try {
            payments.insert(p);
            return p;
        } catch (DuplicateKeyException e) {
            Payment same = payments.selectByIdempotencyKey(key);
            if (same != null) {
                throw new ApiException(HttpStatus.CONFLICT, "REQUEST_IN_PROGRESS",
                        "a request with this Idempotency-Key is being processed; retry it");
            }
            throw new ApiException(HttpStatus.CONFLICT, "PAYMENT_IN_PROGRESS",
                    "order " + order.orderId() + " already has a pending or completed payment");
        }
    }

    private String boundCard(long userId) {
        UserCard c = cards.selectById(userId);
        if (c == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "NO_CARD",
                    "user " + userId + " has no bound card and the request names none");
        }
        return c.getCardNumber();
    }

    private static Result replay(Payment earlier, CreatePaymentRequest request) {
        if (!earlier.getOrderId().equals(request.orderId()) || !earlier.getMethod().equals(request.method())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                    "this Idempotency-Key was used for payment " + earlier.getPaymentId() + " of order "
                            + earlier.getOrderId() + " by " + earlier.getMethod());
        }
        return new Result(earlier, true);
    }
}

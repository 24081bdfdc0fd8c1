package io.mallpay.pay.completion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mallpay.common.tx.GlobalLockRetry;
import io.mallpay.common.web.ApiException;
import io.mallpay.order.api.OrderClient.PaymentResultRequest;
import io.mallpay.pay.notify.MerchantNotification;
import io.mallpay.pay.notify.MerchantNotificationMapper;
import io.mallpay.pay.payment.PaymentMapper;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The completion's local branch (Seata AT, in pay_payment): PENDING → PAID and the merchant
 * notification row, in one local transaction — the notification is written together with the paid
 * status (DESIGN.md flow 5) and vanishes with it if the global transaction rolls back.
 * Throws 409 {@code PAYMENT_NOT_PENDING} when another completion got there first, which rolls this
 * global transaction back before any TCC branch is tried.
 */
@Component
public class PaidMarker {

    private static final int TRIES = 50;
    private static final long PAUSE_MILLIS = 100;

    private final PaymentMapper payments;
    private final MerchantNotificationMapper notifications;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    public PaidMarker(PaymentMapper payments, MerchantNotificationMapper notifications, TransactionTemplate tx,
                      ObjectMapper json) {
        this.payments = payments;
        this.notifications = notifications;
        this.tx = tx;
        this.json = json;
    }

    public void markPaid(CompletionCommand c, String xid) {
        String content = notificationBody(c);
        GlobalLockRetry.run(() -> tx.executeWithoutResult(s -> {
            LocalDateTime paidAt = LocalDateTime.ofInstant(c.paidAt(), ZoneOffset.UTC);
            if (payments.markPaid(c.paymentId(), c.commissionCents(), c.rewardPoints(), paidAt, xid) != 1) {
                throw new ApiException(HttpStatus.CONFLICT, "PAYMENT_NOT_PENDING",
                        "payment " + c.paymentId() + " is no longer PENDING");
            }
            MerchantNotification n = new MerchantNotification();
            n.setPaymentId(c.paymentId());
            n.setMerchantId(c.merchantId());
            n.setOrderId(c.orderId());
            n.setNotifyContent(content);
            n.setNotifyStatus(MerchantNotification.PENDING);
            n.setNotifyCount(0);
            n.setNextNotifyTime(paidAt);
            notifications.insert(n);
        }), TRIES, PAUSE_MILLIS);
    }

    /** The exact body the merchant receives (and the signature covers): mall-order's payment result. */
    private String notificationBody(CompletionCommand c) {
        try {
            return json.writeValueAsString(new PaymentResultRequest(c.paymentId(), c.amountCents()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

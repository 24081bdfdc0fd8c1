package io.mallpay.pay.notify;

import io.mallpay.common.feign.RemoteApiException;
import io.mallpay.order.api.OrderClient;
import io.mallpay.order.api.OrderClient.PaymentResultResponse;
import io.mallpay.pay.api.notify.NotificationSignature;
import io.mallpay.pay.settings.PaymentSettings;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Delivers one notification to the merchant's endpoint — the mall's payment-result endpoint,
 * through Nacos — signed with the merchant's key ({@link NotificationSignature}: a fresh timestamp
 * and nonce per attempt over the unchanged body). 2xx → SUCCESS; a 4xx answer is the merchant's
 * final word (e.g. ORDER_CANCELLED: the order was cancelled before the money arrived) → REJECTED;
 * anything else (down, 5xx, timeout) → RETRY.
 */
@Component
public class NotificationSender {

    /** An attempt's result; {@code detail} is kept in {@code last_result}. */
    public record Result(Kind kind, String detail) {
    }

    public enum Kind { SUCCESS, REJECTED, RETRY }

    private final OrderClient orders;
    private final PaymentSettings settings;
    private final Clock clock;

    public NotificationSender(OrderClient orders, PaymentSettings settings, Clock clock) {
        this.orders = orders;
        this.settings = settings;
        this.clock = clock;
    }

    public Result send(MerchantNotification n) {
        String timestamp = Long.toString(clock.millis());
        String nonce = UUID.randomUUID().toString();
        String body = n.getNotifyContent();
        String signature = NotificationSignature.sign(settings.getNotifySecret(), timestamp, nonce, body);
        try {
            PaymentResultResponse r = orders.paymentResult(n.getOrderId(), timestamp, nonce, signature, body);
            return new Result(Kind.SUCCESS, "200 " + r.status() + " " + r.outcome());
        } catch (RemoteApiException e) {
            Kind kind = e.status().is4xxClientError() ? Kind.REJECTED : Kind.RETRY;
            return new Result(kind, e.status().value() + " " + e.code() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return new Result(Kind.RETRY, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}

package io.mallpay.pay.notify;

import io.mallpay.common.feign.RemoteApiException;
import io.mallpay.common.sentinel.BlockedException;
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
 * anything else (down, 5xx, timeout) → RETRY. A call that Sentinel refused here, before anything
 * was sent (the circuit to mall-order is open, or half-open with its one probe already out) →
 * NOT_SENT, with the refusal's {@code Retry-After} in seconds: the merchant was not tried, so the
 * attempt must not use up a slot of the schedule (issue 10: an open circuit consumed the 2nd to 4th
 * tries of notifications in {@code ./mall chaos notify-down}, pushing their next try 10 minutes out).
 */
@Component
public class NotificationSender {

    /**
     * An attempt's result; {@code detail} is kept in {@code last_result}; {@code retryAfterSeconds}
     * is the wait a NOT_SENT refusal asks for (the circuit's open window), 0 otherwise.
     */
    public record Result(Kind kind, String detail, int retryAfterSeconds) {

        public Result(Kind kind, String detail) {
            this(kind, detail, 0);
        }
    }

    /**
     * SUCCESS and REJECTED are final; RETRY is a failed attempt (counted, next try per the
     * schedule); NOT_SENT is no attempt at all (refused locally by Sentinel: not counted).
     */
    public enum Kind { SUCCESS, REJECTED, RETRY, NOT_SENT }

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
            BlockedException blocked = BlockedException.in(e);
            if (blocked != null) {
                return new Result(Kind.NOT_SENT, "not sent: " + blocked.code() + ": " + blocked.getMessage(),
                        blocked.answer().retryAfterSeconds());
            }
            return new Result(Kind.RETRY, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}

package io.mallpay.order.payment;

import io.micrometer.core.instrument.MeterRegistry;
import io.mallpay.common.web.ApiException;
import io.mallpay.pay.api.notify.NotificationSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Checks that a payment result really comes from the payment platform: the HMAC-SHA256 signature
 * of {@link NotificationSignature} with the mall's merchant secret ({@code MERCHANT_NOTIFY_SECRET},
 * Nacos {@code mall.order.payment-notify.secret}) and a timestamp within
 * {@code mall.order.payment-notify.window} (default 5 minutes) of now. A rejected notification is
 * logged at WARN with its reason and counted in {@code mall.payment.notifications.rejected}; it
 * changes nothing. Replays of a genuine notification inside the window are harmless: the
 * payment result is idempotent on its payment id.
 */
@Component
public class NotificationVerifier {

    private static final Logger log = LoggerFactory.getLogger(NotificationVerifier.class);

    private final String secret;
    private final Duration window;
    private final Clock clock;
    private final MeterRegistry meters;

    @Autowired
    public NotificationVerifier(@Value("${mall.order.payment-notify.secret:}") String secret,
                                @Value("${mall.order.payment-notify.window:5m}") Duration window,
                                MeterRegistry meters) {
        this(secret, window, Clock.systemUTC(), meters);
    }

    NotificationVerifier(String secret, Duration window, Clock clock, MeterRegistry meters) {
        this.secret = secret;
        this.window = window;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @throws ApiException 401 {@code BAD_SIGNATURE} (reasons MISSING_SIGNATURE, BAD_TIMESTAMP,
     *                      STALE_TIMESTAMP, BAD_SIGNATURE in the detail); 503
     *                      {@code NOTIFY_SECRET_MISSING} when the mall has no secret configured
     */
    public void verify(long orderId, String timestamp, String nonce, String signature, String body) {
        if (secret == null || secret.isBlank()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "NOTIFY_SECRET_MISSING",
                    "mall.order.payment-notify.secret is not configured; payment results cannot be verified");
        }
        String reason = NotificationSignature.verify(secret, timestamp, nonce, signature, body, clock.instant(), window);
        if (reason != null) {
            meters.counter("mall.payment.notifications.rejected", "reason", reason).increment();
            log.warn("payment result for order {} rejected: {} (timestamp={}, nonce={})", orderId, reason, timestamp, nonce);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "BAD_SIGNATURE",
                    "payment result for order " + orderId + " rejected: " + reason);
        }
    }
}

package io.mallpay.pay.notify;

import io.mallpay.common.tx.GlobalLockRetry;
import io.mallpay.common.web.ApiException;
import io.mallpay.pay.settings.PaymentSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Operators' view of merchant notifications: {@code GET /ops/notifications?status=FAILED&limit=100}
 * lists them (any status when omitted), {@code GET /ops/notifications/payment/{paymentId}} shows one,
 * {@code POST /ops/notifications/{id}/resend} puts a FAILED or REJECTED one back on the schedule from
 * its first attempt (404 UNKNOWN_NOTIFICATION; 409 NOT_RESENDABLE when it is PENDING or SUCCESS).
 * {@code GET /ops/notifications/schedule} shows the retry schedule in force right now
 * ({@code pay.payment.notify-schedule}, live from Nacos).
 */
@RestController
@Tag(name = "notifications", description = "Operators: merchant notifications, failed ones and resends")
public class NotificationController {

    private final MerchantNotificationMapper notifications;
    private final NotificationClaims claims;
    private final PaymentSettings settings;
    private final Clock clock;

    public NotificationController(MerchantNotificationMapper notifications, NotificationClaims claims,
                                  PaymentSettings settings, Clock clock) {
        this.notifications = notifications;
        this.claims = claims;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The waits after each failed attempt, in milliseconds, as this instance applies them now:
     * {@code {"scheduleMillis":[15000,30000,...]}}; a Nacos change shows here once it has been bound.
     */
    @Operation(summary = "The notification retry schedule in force")
    @GetMapping("/ops/notifications/schedule")
    public ScheduleResponse schedule() {
        return new ScheduleResponse(settings.getNotifySchedule().stream().map(Duration::toMillis).toList());
    }

    /** @param scheduleMillis wait after failed attempt k (k = 1..n), milliseconds; n + 1 attempts in all */
    public record ScheduleResponse(List<Long> scheduleMillis) {
    }

    @Operation(summary = "List merchant notifications by status")
    @GetMapping("/ops/notifications")
    public List<MerchantNotification> list(@RequestParam(required = false) String status,
                                           @RequestParam(defaultValue = "100") int limit) {
        return notifications.list(status, Math.max(1, Math.min(limit, 1000)));
    }

    @Operation(summary = "The notification of one payment")
    @GetMapping("/ops/notifications/payment/{paymentId}")
    public MerchantNotification ofPayment(@PathVariable String paymentId) {
        MerchantNotification n = notifications.selectByPayment(paymentId);
        if (n == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_NOTIFICATION", "no notification for payment " + paymentId);
        }
        return n;
    }

    @Operation(summary = "Resend a FAILED or REJECTED notification")
    @PostMapping("/ops/notifications/{id}/resend")
    public MerchantNotification resend(@PathVariable long id) {
        if (notifications.selectById(id) == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_NOTIFICATION", "no notification " + id);
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        if (!GlobalLockRetry.run(() -> claims.resend(id, now), 50, 100)) {
            throw new ApiException(HttpStatus.CONFLICT, "NOT_RESENDABLE", "notification " + id + " is not FAILED or REJECTED");
        }
        return notifications.selectById(id);
    }
}

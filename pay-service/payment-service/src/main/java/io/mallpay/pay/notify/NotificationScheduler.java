package io.mallpay.pay.notify;

import io.mallpay.common.tx.GlobalLockRetry;
import io.mallpay.pay.settings.PaymentSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The best-effort notifier (DESIGN.md flow 5, seed 004): every
 * {@code pay.payment.notify-scan-millis} (default 1 s) it claims due PENDING notifications, sends
 * them (up to 8 at once) and records each attempt: {@code notify_count} + 1, then SUCCESS,
 * REJECTED, or PENDING with {@code next_notify_time} = now + the schedule's next wait
 * ({@code pay.payment.notify-schedule}); when the schedule is exhausted, FAILED. A send that
 * Sentinel refused before anything left (NOT_SENT: the circuit to the merchant is open) is not an
 * attempt: {@code notify_count} stays, the row stays PENDING and is due again after the refusal's
 * {@code Retry-After} (the circuit's open window, at least 1 s), so it goes out as soon as the
 * circuit lets calls through instead of losing a slot of the widening schedule. Rows live in the
 * database, so pending notifications survive restarts; a claim is a lease
 * ({@code pay.payment.notify-lease}), so a send cut short by a crash is retried after it.
 */
@Component
public class NotificationScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationScheduler.class);
    private static final int BATCH = 64;

    private final MerchantNotificationMapper notifications;
    private final NotificationClaims claims;
    private final NotificationSender sender;
    private final PaymentSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "merchant-notify");
        t.setDaemon(true);
        return t;
    });

    public NotificationScheduler(MerchantNotificationMapper notifications, NotificationClaims claims,
                                 NotificationSender sender, PaymentSettings settings, MeterRegistry meters, Clock clock) {
        this.notifications = notifications;
        this.claims = claims;
        this.sender = sender;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pay.payment.notify-scan-millis:1000}", initialDelay = 5_000)
    public void run() {
        LocalDateTime now = now();
        List<Future<?>> sends = new ArrayList<>();
        for (Long id : notifications.findDue(now, BATCH)) {
            MerchantNotification n;
            try {
                n = claims.claim(id, now, now.plus(settings.getNotifyLease()));
            } catch (RuntimeException e) {
                if (!GlobalLockRetry.isLockConflict(e)) {
                    log.warn("notification {} not claimed: {}", id, e.toString());
                }
                continue;
            }
            if (n != null) {
                sends.add(pool.submit(() -> deliver(n)));
            }
        }
        for (Future<?> f : sends) {
            try {
                f.get();
            } catch (Exception e) {
                log.warn("notification send failed: {}", e.toString());
            }
        }
    }

    private void deliver(MerchantNotification n) {
        NotificationSender.Result r = sender.send(n);
        boolean attempted = r.kind() != NotificationSender.Kind.NOT_SENT;
        int count = attempted ? n.getNotifyCount() + 1 : n.getNotifyCount();
        List<Duration> schedule = settings.getNotifySchedule();
        String status;
        LocalDateTime next = now();
        switch (r.kind()) {
            case SUCCESS -> status = MerchantNotification.SUCCESS;
            case REJECTED -> status = MerchantNotification.REJECTED;
            case NOT_SENT -> {
                status = MerchantNotification.PENDING;
                next = next.plusSeconds(Math.max(1, r.retryAfterSeconds()));
            }
            default -> {
                if (count > schedule.size()) {
                    status = MerchantNotification.FAILED;
                } else {
                    status = MerchantNotification.PENDING;
                    next = next.plus(schedule.get(count - 1));
                }
            }
        }
        String result = r.detail() == null ? null : r.detail().substring(0, Math.min(500, r.detail().length()));
        String finalStatus = status;
        LocalDateTime nextTime = next;
        GlobalLockRetry.run(() -> claims.record(n.getId(), count, finalStatus, nextTime, result), 50, 100);
        meters.counter("pay.notifications.attempts", "result", r.kind().name()).increment();
        log.info("notification of payment {} to {} {} {}: {} → {}{}", n.getPaymentId(), n.getMerchantId(),
                attempted ? "attempt" : "not sent, attempts so far", count, result, status, MerchantNotification.PENDING.equals(status) ? " (next at " + next + ")" : "");
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}

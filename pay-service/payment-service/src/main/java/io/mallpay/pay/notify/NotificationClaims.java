package io.mallpay.pay.notify;

import org.apache.seata.spring.annotation.GlobalLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;

/**
 * The scheduler's writes to {@code merchant_notification}, an AT-managed table (its rows are
 * inserted by the completion's local branch). {@code @GlobalLock} with {@code SELECT … FOR UPDATE}
 * means a notification whose payment's global transaction is still in flight is never claimed
 * (Seata throws {@code LockConflictException}; the next round tries again): the merchant is never
 * told of a payment that might still roll back.
 */
@Component
public class NotificationClaims {

    private final MerchantNotificationMapper notifications;

    public NotificationClaims(MerchantNotificationMapper notifications) {
        this.notifications = notifications;
    }

    /**
     * Claims a due PENDING notification by pushing its next time to {@code leaseUntil}; returns it,
     * or {@code null} when it is no longer due (another round or instance took it).
     */
    @GlobalLock
    @Transactional
    public MerchantNotification claim(long id, LocalDateTime now, LocalDateTime leaseUntil) {
        MerchantNotification n = notifications.selectForUpdate(id);
        if (n == null || !MerchantNotification.PENDING.equals(n.getNotifyStatus()) || n.getNextNotifyTime().isAfter(now)) {
            return null;
        }
        notifications.lease(id, leaseUntil);
        return n;
    }

    @GlobalLock
    @Transactional
    public void record(long id, int count, String status, LocalDateTime next, String result) {
        notifications.selectForUpdate(id);
        notifications.recordAttempt(id, count, status, next, result);
    }

    /** Operator resend of a FAILED or REJECTED notification; false if it is neither. */
    @GlobalLock
    @Transactional
    public boolean resend(long id, LocalDateTime now) {
        notifications.selectForUpdate(id);
        return notifications.resend(id, now) == 1;
    }
}

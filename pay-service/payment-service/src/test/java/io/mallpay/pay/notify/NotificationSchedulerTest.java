package io.mallpay.pay.notify;

import io.mallpay.pay.settings.PaymentSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class NotificationSchedulerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final LocalDateTime T = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);

    private final MerchantNotificationMapper mapper = mock(MerchantNotificationMapper.class);
    private final NotificationClaims claims = mock(NotificationClaims.class);
    private final NotificationSender sender = mock(NotificationSender.class);
    private final PaymentSettings settings = new PaymentSettings();
    private NotificationScheduler scheduler;

    @BeforeEach
    void setUp() {
        settings.setNotifySchedule(List.of(Duration.ofSeconds(15), Duration.ofMinutes(3)));
        scheduler = new NotificationScheduler(mapper, claims, sender, settings, new SimpleMeterRegistry(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        when(mapper.findDue(any(), eq(64))).thenReturn(List.of(5L));
    }

    private static MerchantNotification pending(int count) {
        MerchantNotification n = new MerchantNotification();
        n.setId(5L);
        n.setPaymentId("P1");
        n.setMerchantId("M");
        n.setOrderId(41L);
        n.setNotifyContent("{}");
        n.setNotifyStatus("PENDING");
        n.setNotifyCount(count);
        n.setNextNotifyTime(T);
        return n;
    }

    @Test
    void aFailedAttemptWaitsTheScheduleEntryForItsCount() {
        when(claims.claim(eq(5L), any(), any())).thenReturn(pending(1));
        when(sender.send(any())).thenReturn(new NotificationSender.Result(NotificationSender.Kind.RETRY, "503"));
        scheduler.run();
        verify(claims).record(5L, 2, "PENDING", T.plusMinutes(3), "503");
    }

    @Test
    void theLastScheduledFailureMarksItFailed() {
        when(claims.claim(eq(5L), any(), any())).thenReturn(pending(2));
        when(sender.send(any())).thenReturn(new NotificationSender.Result(NotificationSender.Kind.RETRY, "down"));
        scheduler.run();
        verify(claims).record(eq(5L), eq(3), eq("FAILED"), any(), eq("down"));
    }

    @Test
    void aSendRefusedByAnOpenCircuitIsNoAttemptAndComesBackAfterItsWindow() {
        when(claims.claim(eq(5L), any(), any())).thenReturn(pending(2));
        when(sender.send(any())).thenReturn(
                new NotificationSender.Result(NotificationSender.Kind.NOT_SENT, "not sent: CIRCUIT_OPEN", 10));
        scheduler.run();
        // two attempts so far and a schedule of two: a counted failure would have made it FAILED
        verify(claims).record(5L, 2, "PENDING", T.plusSeconds(10), "not sent: CIRCUIT_OPEN");
    }

    @Test
    void successAndRejectionAreFinal() {
        when(claims.claim(eq(5L), any(), any())).thenReturn(pending(0));
        when(sender.send(any())).thenReturn(new NotificationSender.Result(NotificationSender.Kind.SUCCESS, "200"));
        scheduler.run();
        verify(claims).record(eq(5L), eq(1), eq("SUCCESS"), any(), eq("200"));
    }

    @Test
    void aNotificationStillHeldByItsGlobalTransactionIsNotSent() {
        when(claims.claim(eq(5L), any(), any())).thenThrow(new RuntimeException(
                new org.apache.seata.rm.datasource.exec.LockConflictException("held")));
        scheduler.run();
        verify(sender, never()).send(any());
    }
}

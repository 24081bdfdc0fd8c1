package io.mallpay.pay.notify;

import com.alibaba.csp.sentinel.slots.block.degrade.DegradeException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import io.mallpay.order.api.OrderClient;
import io.mallpay.pay.settings.PaymentSettings;
import org.junit.jupiter.api.Test;

import java.lang.reflect.UndeclaredThrowableException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class NotificationSenderTest {

    private static final String RESOURCE = "POST:http://mall-order/internal/orders/{orderId}/payment-result";

    private final OrderClient orders = mock(OrderClient.class);
    private final NotificationSender sender = new NotificationSender(orders, settings(),
            Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC));

    private static PaymentSettings settings() {
        PaymentSettings s = new PaymentSettings();
        s.setNotifySecret("test-secret");
        return s;
    }

    private static MerchantNotification notification() {
        MerchantNotification n = new MerchantNotification();
        n.setId(5L);
        n.setPaymentId("P1");
        n.setMerchantId("M");
        n.setOrderId(41L);
        n.setNotifyContent("{}");
        return n;
    }

    @Test
    void aCallRefusedByAnOpenCircuitIsNotSentAndCarriesTheCircuitWindow() {
        DegradeRule rule = new DegradeRule(RESOURCE).setTimeWindow(10);
        // how Spring Cloud Alibaba's Sentinel Feign handler surfaces an open circuit
        when(orders.paymentResult(anyLong(), any(), any(), any(), any()))
                .thenThrow(new UndeclaredThrowableException(new DegradeException("default", rule)));

        NotificationSender.Result r = sender.send(notification());

        assertThat(r.kind()).isEqualTo(NotificationSender.Kind.NOT_SENT);
        assertThat(r.retryAfterSeconds()).isEqualTo(10);
        assertThat(r.detail()).startsWith("not sent: CIRCUIT_OPEN").contains("mall-order");
    }

    @Test
    void anyOtherFailureIsACountedRetry() {
        when(orders.paymentResult(anyLong(), any(), any(), any(), any()))
                .thenThrow(new IllegalStateException("connection refused"));

        NotificationSender.Result r = sender.send(notification());

        assertThat(r.kind()).isEqualTo(NotificationSender.Kind.RETRY);
        assertThat(r.retryAfterSeconds()).isZero();
    }
}

package io.mallpay.order.payment;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mallpay.common.web.ApiException;
import io.mallpay.pay.api.notify.NotificationSignature;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationVerifierTest {

    private static final String SECRET = "merchant-secret";
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String BODY = "{\"paymentId\":\"P1\",\"amountCents\":1250}";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final NotificationVerifier verifier =
            new NotificationVerifier(SECRET, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC), meters);

    private static String ts(Instant at) {
        return Long.toString(at.toEpochMilli());
    }

    @Test
    void aFreshCorrectlySignedNotificationPasses() {
        String sig = NotificationSignature.sign(SECRET, ts(NOW), "n1", BODY);
        assertThatCode(() -> verifier.verify(1, ts(NOW), "n1", sig, BODY)).doesNotThrowAnyException();
    }

    @Test
    void aTamperedBodyIsRejectedAndCounted() {
        String sig = NotificationSignature.sign(SECRET, ts(NOW), "n1", BODY);
        assertThatThrownBy(() -> verifier.verify(1, ts(NOW), "n1", sig, BODY.replace("1250", "1")))
                .isInstanceOf(ApiException.class).hasMessageContaining("BAD_SIGNATURE");
        assertThat(meters.counter("mall.payment.notifications.rejected", "reason", "BAD_SIGNATURE").count())
                .isEqualTo(1.0);
    }

    @Test
    void aWrongKeyAStaleTimestampAndMissingHeadersAreRejected() {
        String forged = NotificationSignature.sign("other", ts(NOW), "n1", BODY);
        assertThatThrownBy(() -> verifier.verify(1, ts(NOW), "n1", forged, BODY)).hasMessageContaining("BAD_SIGNATURE");
        Instant old = NOW.minus(Duration.ofMinutes(6));
        String stale = NotificationSignature.sign(SECRET, ts(old), "n1", BODY);
        assertThatThrownBy(() -> verifier.verify(1, ts(old), "n1", stale, BODY)).hasMessageContaining("STALE_TIMESTAMP");
        assertThatThrownBy(() -> verifier.verify(1, null, null, null, BODY)).hasMessageContaining("MISSING_SIGNATURE");
    }

    @Test
    void withoutASecretNothingIsAccepted() {
        NotificationVerifier unconfigured =
                new NotificationVerifier("", Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC), meters);
        assertThatThrownBy(() -> unconfigured.verify(1, ts(NOW), "n", "s", BODY))
                .hasMessageContaining("not configured");
    }
}

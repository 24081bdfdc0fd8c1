package io.mallpay.pay.bank;

import io.mallpay.pay.api.notify.NotificationSignature;

import java.time.Duration;
import java.time.Instant;

/**
 * The bank's signature on its callbacks and status answers: headers X-Bank-Timestamp (epoch ms),
 * X-Bank-Nonce and X-Bank-Signature = Base64(HMAC-SHA256(BANK_CALLBACK_SECRET, timestamp + "\n" +
 * nonce + "\n" + body)) — the same HMAC construction as the platform's own notification signature,
 * so the check delegates to {@link NotificationSignature#verify} (constant-time compare, window).
 */
public final class BankSignature {

    public static final String TIMESTAMP = "X-Bank-Timestamp";
    public static final String NONCE = "X-Bank-Nonce";
    public static final String SIGNATURE = "X-Bank-Signature";

    private BankSignature() {
    }

    /** {@code null} when authentic and within {@code now ± window}, else the reason code. */
    public static String verify(String secret, String timestamp, String nonce, String signature, String body,
                                Instant now, Duration window) {
        return NotificationSignature.verify(secret, timestamp, nonce, signature, body, now, window);
    }
}

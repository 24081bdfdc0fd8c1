package io.mallpay.pay.api.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * How the payment platform signs a merchant notification and how a merchant verifies it
 * (DESIGN.md flow 5). The platform POSTs the JSON body with three headers:
 * <pre>
 * X-Pay-Timestamp: epoch milliseconds of this send
 * X-Pay-Nonce:     a fresh random value per send
 * X-Pay-Signature: Base64(HMAC-SHA256(merchantSecret, timestamp + "\n" + nonce + "\n" + body))
 * </pre>
 * The body is signed as the exact UTF-8 bytes sent, so verify over the raw body received, before
 * parsing it. Each retry of the same notification re-signs with a new timestamp and nonce; the body
 * stays the same, and receivers are idempotent on its {@code paymentId}. JDK only (no dependency),
 * so any merchant can copy it.
 */
public final class NotificationSignature {

    public static final String TIMESTAMP_HEADER = "X-Pay-Timestamp";
    public static final String NONCE_HEADER = "X-Pay-Nonce";
    public static final String SIGNATURE_HEADER = "X-Pay-Signature";

    private NotificationSignature() {
    }

    /** Base64 HMAC-SHA256 over {@code timestamp + "\n" + nonce + "\n" + body}; secret must not be blank. */
    public static String sign(String secret, String timestamp, String nonce, String body) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("notification secret is not configured");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "\n" + nonce + "\n" + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Checks a received notification. Returns {@code null} when it is authentic and fresh, otherwise
     * the reason: {@code MISSING_SIGNATURE}, {@code BAD_TIMESTAMP}, {@code STALE_TIMESTAMP} (outside
     * {@code now ± window}) or {@code BAD_SIGNATURE}. Compares in constant time.
     */
    public static String verify(String secret, String timestamp, String nonce, String signature, String body,
                                Instant now, Duration window) {
        if (timestamp == null || nonce == null || signature == null || nonce.isBlank()) {
            return "MISSING_SIGNATURE";
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "BAD_TIMESTAMP";
        }
        if (Math.abs(now.toEpochMilli() - millis) > window.toMillis()) {
            return "STALE_TIMESTAMP";
        }
        byte[] expected = sign(secret, timestamp, nonce, body).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = signature.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) ? null : "BAD_SIGNATURE";
    }
}

package io.mallpay.bank.signature;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The bank's message signature, shared by callbacks and status answers so the platform can copy
 * it as is: {@code Base64(HMAC-SHA256(secret, timestamp + "\n" + nonce + "\n" + body))}, where the
 * secret and the message are UTF-8, {@code timestamp} is epoch milliseconds as a decimal string,
 * {@code nonce} a random UUID fresh for every send, and {@code body} the exact JSON text sent (the
 * canonical body: the receiver must verify the raw bytes it got, not a re-serialisation). The three
 * values travel in {@link #TIMESTAMP_HEADER}, {@link #NONCE_HEADER} and {@link #SIGNATURE_HEADER}.
 *
 * <p>{@link #verify} compares in constant time and answers false (never throws) for a missing or
 * malformed signature. It checks authenticity only: rejecting stale timestamps and repeated nonces
 * (the replay window) is the receiver's job. Thread-safe; a {@link Mac} is created per call.
 */
public final class BankSignature {

    public static final String TIMESTAMP_HEADER = "X-Bank-Timestamp";
    public static final String NONCE_HEADER = "X-Bank-Nonce";
    public static final String SIGNATURE_HEADER = "X-Bank-Signature";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException if the secret is null or blank */
    public BankSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the signing secret must not be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The Base64 (standard alphabet, padded) signature of one message. */
    public String sign(long timestampMillis, String nonce, String body) {
        return Base64.getEncoder().encodeToString(mac(timestampMillis, nonce, body));
    }

    /** True only if {@code signature} is the Base64 signature of exactly this timestamp, nonce and body. */
    public boolean verify(long timestampMillis, String nonce, String body, String signature) {
        if (nonce == null || body == null || signature == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(mac(timestampMillis, nonce, body), given);
    }

    private byte[] mac(long timestampMillis, String nonce, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((timestampMillis + "\n" + nonce + "\n" + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every JDK; this cannot happen on a conforming runtime.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

package io.mallpay.tools.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Idempotency keys and top-up ids derived from the file's content, the seed and the InvoiceNo, so
 * replaying the same file again creates no new order, payment or top-up: the services answer
 * the ones the first run created. Prefix {@code rp<seed>-<first 10 hex of the file's SHA-256>-};
 * a checkout key ends {@code -c<attempt>} (attempt 0, then one more per cart resent after a
 * rejection, in the same deterministic sequence on every run), a payment key {@code -pay}, a
 * top-up id {@code -topup}. Keys stay within the services' 64-character limit (a very long
 * InvoiceNo is replaced by its hash).
 */
public record ReplayKeys(String prefix) {

    static final int MAX = 64;

    public static ReplayKeys of(Path file, long seed) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            byte[] digest = ((DigestInputStream) in).getMessageDigest().digest();
            return new ReplayKeys("rp" + seed + "-" + HexFormat.of().formatHex(digest).substring(0, 10) + "-");
        }
    }

    public String checkout(String invoiceNo, int attempt) {
        return key(invoiceNo, "-c" + attempt);
    }

    public String payment(String invoiceNo) {
        return key(invoiceNo, "-pay");
    }

    public String topUp(String invoiceNo) {
        return key(invoiceNo, "-topup");
    }

    private String key(String invoiceNo, String suffix) {
        String k = prefix + invoiceNo + suffix;
        return k.length() <= MAX ? k : prefix + Long.toHexString(PaymentMix.fnv64(invoiceNo)) + suffix;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.mallpay.bank.signature;

import org.springframework.http.HttpHeaders;

import java.util.Map;

/** The signature headers of one send of {@code body}; see {@link BankSignature}. */
public record SignedBody(String body, long timestampMillis, String nonce, String signature) {

    /** The three {@code X-Bank-*} headers, for an outgoing request. */
    public Map<String, String> headers() {
        return Map.of(BankSignature.TIMESTAMP_HEADER, Long.toString(timestampMillis),
                BankSignature.NONCE_HEADER, nonce,
                BankSignature.SIGNATURE_HEADER, signature);
    }

    /** Adds the three {@code X-Bank-*} headers to a response. */
    public void applyTo(HttpHeaders headers) {
        headers().forEach(headers::set);
    }
}

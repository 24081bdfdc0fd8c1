package io.mallpay.bank.signature;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BankSignatureTest {

    private static final String SECRET = "sandbox-secret";
    private static final long TIMESTAMP = 1_700_000_000_000L;
    private static final String NONCE = "3f1c2a4e-8b7d-4c1e-9a2f-5d6e7f8a9b0c";
    private static final String BODY = "{\"chargeId\":\"P-1\",\"bankTxnId\":\"BTX-1\",\"status\":\"SUCCEEDED\","
            + "\"amountCents\":1999,\"merchantRef\":\"M-1\",\"decidedAt\":\"2023-11-14T22:13:20Z\"}";
    // Computed independently: printf '%s' "$TIMESTAMP\n$NONCE\n$BODY" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64
    private static final String EXPECTED = "hQ5X9YGxtbuWA96r5b1gwYWUPTJizNFMIJdt1RsdK1s=";

    private final BankSignature signature = new BankSignature(SECRET);

    @Test
    void signsTheFixedVectorAsOpensslDoes() {
        assertThat(signature.sign(TIMESTAMP, NONCE, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void signsTheBodyAsUtf8() {
        // openssl over the UTF-8 bytes of 1700000000001\nn-2\n{"merchantRef":"Café £5"}
        assertThat(signature.sign(1_700_000_000_001L, "n-2", "{\"merchantRef\":\"Café £5\"}"))
                .isEqualTo("y6RbmULDYZ2tszYqkJ9VGfQ8MsuFL9/b2qealH9tqwU=");
    }

    @Test
    void verifiesTheFixedVector() {
        assertThat(signature.verify(TIMESTAMP, NONCE, BODY, EXPECTED)).isTrue();
    }

    @Test
    void rejectsATamperedBody() {
        String tampered = BODY.replace("1999", "1998");
        assertThat(signature.verify(TIMESTAMP, NONCE, tampered, EXPECTED)).isFalse();
    }

    @Test
    void rejectsATamperedTimestampOrNonce() {
        assertThat(signature.verify(TIMESTAMP + 1, NONCE, BODY, EXPECTED)).isFalse();
        assertThat(signature.verify(TIMESTAMP, NONCE.replace('3', '4'), BODY, EXPECTED)).isFalse();
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        String forged = new BankSignature("another-secret").sign(TIMESTAMP, NONCE, BODY);
        assertThat(forged).isNotEqualTo(EXPECTED);
        assertThat(signature.verify(TIMESTAMP, NONCE, BODY, forged)).isFalse();
    }

    @Test
    void rejectsMissingMalformedOrTruncatedSignaturesWithoutThrowing() {
        assertThat(signature.verify(TIMESTAMP, NONCE, BODY, null)).isFalse();
        assertThat(signature.verify(TIMESTAMP, NONCE, BODY, "not base64 !!")).isFalse();
        assertThat(signature.verify(TIMESTAMP, NONCE, BODY, EXPECTED.substring(0, 20))).isFalse();
        assertThat(signature.verify(TIMESTAMP, null, BODY, EXPECTED)).isFalse();
    }

    @Test
    void refusesABlankSecret() {
        assertThatThrownBy(() -> new BankSignature(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSignerUsesTheClockAndAFreshNonceEachTime() {
        BankSigner signer = new BankSigner(signature, Clock.fixed(Instant.ofEpochMilli(TIMESTAMP), ZoneOffset.UTC));

        SignedBody first = signer.sign(BODY);
        SignedBody second = signer.sign(BODY);

        assertThat(first.timestampMillis()).isEqualTo(TIMESTAMP);
        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.signature()).isNotEqualTo(second.signature());
        assertThat(signature.verify(first.timestampMillis(), first.nonce(), BODY, first.signature())).isTrue();
        assertThat(first.headers()).containsEntry("X-Bank-Timestamp", "1700000000000")
                .containsEntry("X-Bank-Nonce", first.nonce())
                .containsEntry("X-Bank-Signature", first.signature());
    }
}

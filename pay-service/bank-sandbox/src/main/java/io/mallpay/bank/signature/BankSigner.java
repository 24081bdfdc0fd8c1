package io.mallpay.bank.signature;

import java.time.Clock;
import java.util.UUID;

/**
 * Signs an outgoing body with the current time (epoch millis from the clock) and a fresh random
 * UUID nonce, so two sends of the same body carry different headers. Thread-safe.
 */
public class BankSigner {

    private final BankSignature signature;
    private final Clock clock;

    public BankSigner(BankSignature signature, Clock clock) {
        this.signature = signature;
        this.clock = clock;
    }

    public SignedBody sign(String body) {
        long timestamp = clock.millis();
        String nonce = UUID.randomUUID().toString();
        return new SignedBody(body, timestamp, nonce, signature.sign(timestamp, nonce, body));
    }
}

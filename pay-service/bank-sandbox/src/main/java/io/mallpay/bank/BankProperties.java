package io.mallpay.bank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox's settings ({@code bank.*}). {@code callbackSecret} is the HMAC key shared with the
 * platform and has no default: a missing, blank or unresolved value ({@code ${BANK_CALLBACK_SECRET}}
 * left as is because the variable is not set) fails start-up with an {@link IllegalStateException}.
 * Callback retries: {@code callbackAttempts} tries in all, waiting {@code callbackBackoffMillis},
 * then twice that, and so on; each try times out after {@code callbackTimeoutMillis}. Charges still
 * ACCEPTED {@code staleAfterSeconds} after submission (queue full, crash) are decided by a sweep.
 */
@ConfigurationProperties("bank")
public record BankProperties(
        String callbackSecret,
        @DefaultValue("4") int decisionThreads,
        @DefaultValue("1000") int decisionQueueCapacity,
        @DefaultValue("4") int callbackAttempts,
        @DefaultValue("1000") long callbackBackoffMillis,
        @DefaultValue("5000") long callbackTimeoutMillis,
        @DefaultValue("10") int staleAfterSeconds) {

    public BankProperties {
        if (callbackSecret == null || callbackSecret.isBlank() || callbackSecret.contains("${")) {
            throw new IllegalStateException("bank.callback-secret is not set: export BANK_CALLBACK_SECRET "
                    + "(the HMAC key shared with the platform) before starting the bank sandbox");
        }
        if (decisionThreads < 1 || decisionQueueCapacity < 1 || callbackAttempts < 1
                || callbackBackoffMillis < 0 || callbackTimeoutMillis < 1 || staleAfterSeconds < 1) {
            throw new IllegalStateException("bank.* settings must be positive: " + this);
        }
    }

    /** Never prints the secret (start-up failures and logs show this). */
    @Override
    public String toString() {
        return "BankProperties[decisionThreads=" + decisionThreads + ", decisionQueueCapacity=" + decisionQueueCapacity
                + ", callbackAttempts=" + callbackAttempts + ", callbackBackoffMillis=" + callbackBackoffMillis
                + ", callbackTimeoutMillis=" + callbackTimeoutMillis + ", staleAfterSeconds=" + staleAfterSeconds + "]";
    }
}

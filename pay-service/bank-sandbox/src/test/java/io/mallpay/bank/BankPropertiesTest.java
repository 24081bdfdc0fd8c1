package io.mallpay.bank;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BankPropertiesTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "${BANK_CALLBACK_SECRET}"})
    void refusesToStartWithoutACallbackSecret(String secret) {
        assertThatThrownBy(() -> withSecret(secret))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BANK_CALLBACK_SECRET");
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(withSecret("s3cr3t-value").toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void refusesZeroCallbackAttempts() {
        assertThatThrownBy(() -> new BankProperties("secret", 4, 1000, 0, 1000, 5000, 10))
                .isInstanceOf(IllegalStateException.class);
    }

    private static BankProperties withSecret(String secret) {
        return new BankProperties(secret, 4, 1000, 4, 1000, 5000, 10);
    }
}

package io.mallpay.common.tx;

import io.mallpay.common.web.ApiException;
import org.apache.seata.rm.datasource.exec.LockConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlobalLockRetryTest {

    private static RuntimeException conflict() {
        return new TransactionSystemException("Could not commit JDBC transaction",
                new LockConflictException("get global lock fail"));
    }

    @Test
    void retriesAConflictUntilTheBranchCommits() {
        AtomicInteger calls = new AtomicInteger();
        String r = GlobalLockRetry.run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw conflict();
            }
            return "ok";
        }, 5, 2);
        assertThat(r).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void givesUpWithGlobalLockBusyAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> GlobalLockRetry.run(() -> {
            calls.incrementAndGet();
            throw conflict();
        }, 4, 1)).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("GLOBAL_LOCK_BUSY"));
        assertThat(calls).hasValue(4);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> GlobalLockRetry.run(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("boom");
        }, 4, 1)).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
    }
}

package io.mallpay.tools.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ClosedLoopTest {

    @Test
    void countsSuccessesAsTransactionsAndFailuresByCode() throws InterruptedException {
        Set<Integer> workers = ConcurrentHashMap.newKeySet();
        ClosedLoop.Measured m = ClosedLoop.run(4, Duration.ofMillis(300), (w, n) -> {
            workers.add(w);
            Thread.sleep(2);
            return n % 4 == 3 ? ClosedLoop.Outcome.failed("BUSY") : ClosedLoop.Outcome.OK;
        }, null);
        assertThat(workers).containsExactlyInAnyOrder(0, 1, 2, 3);
        long busy = m.errors().get("BUSY");
        assertThat(m.transactions()).isPositive();
        assertThat(busy).isPositive();
        assertThat(m.transactions()).isGreaterThanOrEqualTo(busy * 2);
        assertThat(m.stopped()).isFalse();
        assertThat(java.util.Arrays.stream(m.micros()).min().orElseThrow()).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void aStopOutcomeEndsTheRunAndNothingLeftIsNotAnError() throws InterruptedException {
        AtomicLong calls = new AtomicLong();
        ClosedLoop.Measured m = ClosedLoop.run(2, Duration.ofSeconds(30), (w, n) -> {
            long c = calls.incrementAndGet();
            if (c > 10) {
                return new ClosedLoop.Outcome(null, true);
            }
            return ClosedLoop.Outcome.OK;
        }, null);
        assertThat(m.stopped()).isTrue();
        assertThat(m.errors()).isEmpty();
        assertThat(m.transactions()).isEqualTo(10);
    }
}

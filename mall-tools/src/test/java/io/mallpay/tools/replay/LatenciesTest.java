package io.mallpay.tools.replay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    @Test
    void percentilesUseTheNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(Latencies.percentile(sorted, 50)).isEqualTo(50);
        assertThat(Latencies.percentile(sorted, 95)).isEqualTo(95);
        assertThat(Latencies.percentile(sorted, 99)).isEqualTo(99);
        assertThat(Latencies.percentile(sorted, 100)).isEqualTo(100);
        assertThat(Latencies.percentile(new long[] {7, 9, 40}, 50)).isEqualTo(9);
        assertThat(Latencies.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(Latencies.percentile(new long[0], 50)).isNull();
    }

    @Test
    void summaryIsInMillisecondsWhateverTheOrderOfSamples() {
        Latencies l = new Latencies();
        for (int i = 1000; i >= 1; i--) {
            l.addNanos(i * 1_000_000L);
        }

        assertThat(l.summary()).containsEntry("count", 1000).containsEntry("p50", 500.0)
                .containsEntry("p95", 950.0).containsEntry("p99", 990.0).containsEntry("max", 1000.0);
        assertThat(new Latencies().summary()).containsEntry("count", 0).containsEntry("p50", null);
    }
}

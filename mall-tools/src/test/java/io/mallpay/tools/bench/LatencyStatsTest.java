package io.mallpay.tools.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyStatsTest {

    @Test
    void percentilesAreNearestRankInMillisecondsWhateverTheOrder() {
        long[] micros = new long[1000];
        for (int i = 0; i < 1000; i++) {
            micros[i] = (1000 - i) * 1000L; // 1000 ms down to 1 ms
        }
        LatencyStats s = LatencyStats.ofMicros(micros);
        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50()).isEqualTo(500.0);
        assertThat(s.p95()).isEqualTo(950.0);
        assertThat(s.p99()).isEqualTo(990.0);
        assertThat(s.max()).isEqualTo(1000.0);
        assertThat(micros[0]).as("the caller's array is not sorted in place").isEqualTo(1_000_000L);
    }

    @Test
    void smallAndEmptySamples() {
        assertThat(LatencyStats.ofMicros(new long[] {7_250, 9_000, 40_000}).p50()).isEqualTo(9.0);
        assertThat(LatencyStats.ofMicros(new long[] {7_250}).p99()).isEqualTo(7.3);
        LatencyStats none = LatencyStats.ofMicros(new long[0]);
        assertThat(none.count()).isZero();
        assertThat(none.p50()).isNull();
        assertThat(none.max()).isNull();
    }

    @Test
    void throughputAndRatios() {
        assertThat(LatencyStats.throughput(1000, 10.0)).isEqualTo(100.0);
        assertThat(LatencyStats.throughput(1, 3.0)).isEqualTo(0.3);
        assertThat(LatencyStats.throughput(5, 0)).isZero();
        assertThat(LatencyStats.ratio(61.0, 100.0)).isEqualTo(0.61);
        assertThat(LatencyStats.ratio(2.0, 3.0)).isEqualTo(0.67);
        assertThat(LatencyStats.ratio(5.0, 0.0)).isNull();
        assertThat(LatencyStats.ratio(null, 3.0)).isNull();
    }
}
